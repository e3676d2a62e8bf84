// XLSX through exceljs's streaming writer, so a large export is never held as a whole
// workbook in memory: rows are committed as they come and the zip is written out as it
// grows. Instants become date cells (UTC), booleans Yes/No, and text stays text — exceljs
// writes strings as strings, never as formulas.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, Sheet } from './export-cells.js';
import type { Encoder } from './encoder.js';

/** Excel's limit for a sheet name, and the characters it refuses in one. */
function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
}

function value(cell: Cell, type: Sheet['types'][number]): ExcelJS.CellValue {
  if (cell === null) return null;
  if (type === 'instant' && typeof cell === 'number') return new Date(cell);
  if (typeof cell === 'boolean') return cell ? 'Yes' : 'No';
  return cell;
}

export class XlsxEncoder implements Encoder {
  readonly mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  readonly extension = 'xlsx';
  private readonly stream = new PassThrough();
  private readonly chunks: Buffer[] = [];
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: ExcelJS.Worksheet | null = null;
  private types: Sheet['types'] = [];

  constructor() {
    this.stream.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.stream,
      useStyles: true,
      useSharedStrings: false,
    });
    this.workbook.creator = 'Loopdesk';
  }

  beginSheet(sheet: Sheet): void {
    this.sheet?.commit();
    const worksheet = this.workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.header.map((header, i) => ({
      header,
      width: sheet.types[i] === 'instant' ? 20 : Math.min(60, Math.max(12, header.length + 2)),
      style: sheet.types[i] === 'instant' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    this.sheet = worksheet;
    this.types = sheet.types;
  }

  addRows(rows: readonly (readonly Cell[])[]): void {
    const worksheet = this.sheet;
    if (worksheet === null) throw new Error('beginSheet first');
    for (const row of rows) worksheet.addRow(row.map((cell, i) => value(cell, this.types[i] ?? 'text'))).commit();
  }

  take(): Promise<Buffer> {
    // Let the zip stream flush what the committed rows produced.
    return new Promise((resolve) => {
      setImmediate(() => {
        resolve(Buffer.concat(this.chunks.splice(0)));
      });
    });
  }

  async finish(): Promise<Buffer> {
    this.sheet?.commit();
    await this.workbook.commit();
    return Buffer.concat(this.chunks.splice(0));
  }
}
