// Where an export's bytes go. The desktop app writes the file the user chose in the save
// dialog — into a private temporary file beside it, renamed into place only when complete,
// so a cancelled or failed export never leaves half a file under the chosen name. Browser
// mode hands each chunk to the page, which saves the whole as a download.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface ExportSink {
  readonly delivery: 'file' | 'download';
  /** Takes the bytes; returns what the page must receive (download), or null (file). */
  write(bytes: Buffer): Promise<Buffer | null>;
  complete(): Promise<void>;
  abort(): Promise<void>;
}

export class FileSink implements ExportSink {
  readonly delivery = 'file';
  private constructor(
    private readonly target: string,
    private readonly temporary: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(target: string, exportId: string): Promise<FileSink> {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${exportId}.partial`);
    // Owner-only, like the profile: the file may hold personal data.
    const handle = await open(temporary, 'wx', 0o600);
    return new FileSink(target, temporary, handle);
  }

  async write(bytes: Buffer): Promise<null> {
    if (bytes.length > 0) await this.handle.write(bytes);
    return null;
  }

  async complete(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
    await rename(this.temporary, this.target);
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temporary, { force: true });
  }
}

export class DownloadSink implements ExportSink {
  readonly delivery = 'download';

  write(bytes: Buffer): Promise<Buffer> {
    return Promise.resolve(bytes);
  }

  complete(): Promise<void> {
    return Promise.resolve();
  }

  abort(): Promise<void> {
    return Promise.resolve();
  }
}
