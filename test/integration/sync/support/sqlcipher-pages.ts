// Reads an encrypted cache the way someone holding the key could, without SQLite: every
// page of the database file and every frame of its WAL, decrypted (SQLCipher 4 format:
// AES-256-CBC per page, the IV in the page's reserved tail; with a raw key, the key is the
// AES key and the file's first 16 bytes are the salt). Freed pages, stale WAL frames and
// the FTS index's b-trees are all in there, whatever SQL can or cannot see.
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
/** SQLCipher 4 reserves IV + HMAC-SHA512 at the end of every page. */
const RESERVE = IV_BYTES + HMAC_BYTES;
const SALT_BYTES = 16;
const WAL_HEADER = 32;
const WAL_FRAME_HEADER = 24;

function decryptPage(page: Buffer, pageNumber: number, key: Buffer): Buffer {
  const start = pageNumber === 1 ? SALT_BYTES : 0;
  const end = PAGE_SIZE - RESERVE;
  const iv = page.subarray(end, end + IV_BYTES);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
}

/** The plaintext of every page in the file (an empty list when the file is missing). */
export function decryptDatabasePages(file: string, key: Buffer): Buffer[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  const pages: Buffer[] = [];
  for (let offset = 0, n = 1; offset + PAGE_SIZE <= bytes.length; offset += PAGE_SIZE, n += 1) {
    pages.push(decryptPage(bytes.subarray(offset, offset + PAGE_SIZE), n, key));
  }
  return pages;
}

/** The plaintext of every frame in the WAL, committed or not, current or superseded. */
export function decryptWalFrames(file: string, key: Buffer): Buffer[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  const frames: Buffer[] = [];
  for (let offset = WAL_HEADER; offset + WAL_FRAME_HEADER + PAGE_SIZE <= bytes.length;) {
    const pageNumber = bytes.readUInt32BE(offset);
    const page = bytes.subarray(offset + WAL_FRAME_HEADER, offset + WAL_FRAME_HEADER + PAGE_SIZE);
    frames.push(decryptPage(page, pageNumber, key));
    offset += WAL_FRAME_HEADER + PAGE_SIZE;
  }
  return frames;
}

/** True when the text appears in any of the buffers, as UTF-8 or UTF-16. */
export function anyContains(buffers: readonly Buffer[], text: string): boolean {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return buffers.some((b) => needles.some((n) => b.includes(n)));
}
