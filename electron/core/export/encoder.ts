// What an export format does: sheets of rows in, bytes out, a little at a time.
import type { Cell, Sheet } from './export-cells.js';

export interface Encoder {
  readonly mimeType: string;
  readonly extension: string;
  beginSheet(sheet: Sheet): void;
  addRows(rows: readonly (readonly Cell[])[]): void;
  /** The bytes produced since the last call. */
  take(): Promise<Buffer>;
  /** Ends the file and returns its last bytes. */
  finish(): Promise<Buffer>;
}
