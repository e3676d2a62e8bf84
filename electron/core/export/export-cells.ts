// One exported row, as the worker reads it and the encoders write it: plain values in the
// order of the export's columns. Instants stay epoch milliseconds until an encoder writes
// them (ISO 8601 in CSV, a date cell in XLSX).
export type Cell = string | number | boolean | null;

export interface Sheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly types: readonly ('text' | 'number' | 'instant' | 'boolean')[];
}
