// The Team view reads a year of several covering indexes (about 50 MB of pages in all, for
// a million responses). With the connection's default 2 MB page cache each report would
// decrypt its pages again on every refresh — most of its cost — so the worker's page cache
// is raised to 64 MiB when a report runs (as a bootstrap does; never lowered here). The
// pages are shared with the queue, which reads the same table.
import type { Db } from '../db/sqlite.js';

/** KiB, as SQLite's negative cache_size. */
export const REPORT_CACHE_KIB = 64 * 1024;

export function ensureReportCache(db: Db): void {
  const current = Number(db.pragma('cache_size', { simple: true }));
  // Negative values are KiB, positive ones pages (4 KiB under SQLCipher's defaults).
  const kib = current < 0 ? -current : current * 4;
  if (kib < REPORT_CACHE_KIB) db.pragma(`cache_size = ${-REPORT_CACHE_KIB}`);
}
