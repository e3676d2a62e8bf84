// One export in progress: where its rows come from, how they are encoded and where the bytes
// go. Each step writes one chunk (a few hundred rows); the caller drives the steps, which
// is what lets the renderer show progress and cancel between two of them.
import type { Cell, Sheet } from './export-cells.js';
import type { Encoder } from './encoder.js';
import type { ExportSink } from './export-sink.js';

/** Rows in chunks: `read(cursor)` gives the next rows and the cursor after them (null: the end). */
export interface RowSource {
  readonly sheets: readonly Sheet[];
  readonly total: number;
  read(sheet: number, cursor: string | null): Promise<{ rows: Cell[][]; next: string | null }>;
}

export interface StepResult {
  readonly rows: number;
  readonly done: boolean;
  /** What the page must receive (download delivery), or null. */
  readonly bytes: Buffer | null;
}

export class ExportJob {
  private sheet = 0;
  private cursor: string | null = null;
  private started = false;
  private written = 0;
  private finished = false;

  constructor(
    readonly id: string,
    private readonly source: RowSource,
    private readonly encoder: Encoder,
    private readonly sink: ExportSink,
  ) {}

  get total(): number {
    return this.source.total;
  }

  get rows(): number {
    return this.written;
  }

  async step(): Promise<StepResult> {
    if (this.finished) return { rows: this.written, done: true, bytes: null };
    const out: Buffer[] = [];
    const write = async (bytes: Buffer): Promise<void> => {
      const forPage = await this.sink.write(bytes);
      if (forPage !== null && forPage.length > 0) out.push(forPage);
    };
    const sheet = this.source.sheets[this.sheet];
    if (sheet !== undefined) {
      if (!this.started) {
        this.encoder.beginSheet(sheet);
        this.started = true;
      }
      const chunk = await this.source.read(this.sheet, this.cursor);
      this.encoder.addRows(chunk.rows);
      this.written += chunk.rows.length;
      this.cursor = chunk.next;
      if (chunk.next === null) {
        this.sheet += 1;
        this.started = false;
      }
      await write(await this.encoder.take());
    }
    if (this.sheet >= this.source.sheets.length) {
      // The file is complete but not yet delivered: complete() does that, once it is audited.
      await write(await this.encoder.finish());
      this.finished = true;
    }
    return { rows: this.written, done: this.finished, bytes: out.length === 0 ? null : Buffer.concat(out) };
  }

  /** Puts the finished file in place (desktop) after its audit record is written. */
  async complete(): Promise<void> {
    await this.sink.complete();
  }

  async abort(): Promise<void> {
    this.finished = true;
    await this.sink.abort();
  }
}
