// CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel reads accents right).
// Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) are prefixed
// with an apostrophe: comments are typed by customers, and a CSV opened in Excel must not
// execute them (OWASP "CSV injection"). Numbers are written as numbers.
import Papa from 'papaparse';
import type { Cell, Sheet } from './export-cells.js';
import type { Encoder } from './encoder.js';

const BOM = '\uFEFF';

function text(cell: Cell, type: Sheet['types'][number]): string | number | boolean | null {
  if (cell === null) return null;
  if (type === 'instant' && typeof cell === 'number') return new Date(cell).toISOString();
  return cell;
}

export class CsvEncoder implements Encoder {
  readonly mimeType = 'text/csv';
  readonly extension = 'csv';
  private types: Sheet['types'] = [];
  private pending: string[] = [];

  beginSheet(sheet: Sheet): void {
    if (this.types.length > 0) throw new Error('A CSV file holds one table');
    this.types = sheet.types;
    this.pending.push(
      BOM + Papa.unparse([sheet.header.map(String)], { newline: '\r\n', escapeFormulae: true }) + '\r\n',
    );
  }

  addRows(rows: readonly (readonly Cell[])[]): void {
    if (rows.length === 0) return;
    const data = rows.map((row) => row.map((cell, i) => text(cell, this.types[i] ?? 'text')));
    this.pending.push(Papa.unparse(data, { newline: '\r\n', escapeFormulae: true }) + '\r\n');
  }

  take(): Promise<Buffer> {
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    return Promise.resolve(bytes);
  }

  finish(): Promise<Buffer> {
    return this.take();
  }
}
