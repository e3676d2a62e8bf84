// The page parser thread: it parses and validates exactly as the in-process parser does, takes
// the page's buffer without copying it, and fails pending pages clearly when it stops — the
// next page starts a new thread.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesOfParsedPage, parseChangesPage } from '../../../electron/core/sync/parse-page.js';
import { pageParserWorkerPath, WorkerPageParser } from '../../../electron/core/sync/worker-page-parser.js';
import { respondent, response } from '../../unit/db/support/records.js';
import { bundleForNode } from '../../support/bundle-for-node.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let outdir: string;
let workerPath: string;

beforeAll(async () => {
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  outdir = mkdtempSync(path.join(ROOT, '.tmp', 'page-parser-'));
  const built = await bundleForNode(
    { 'page-parser-worker': path.join(ROOT, 'electron/core/sync/page-parser-worker.ts') },
    outdir,
  );
  workerPath = built['page-parser-worker'] ?? '';
});
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

const bytes = (value: unknown): ArrayBuffer => new TextEncoder().encode(JSON.stringify(value)).buffer;

const PAGE = {
  changes: [
    { kind: 'respondent', data: respondent('u1') },
    { kind: 'response', data: { ...response('r1', 'u1'), score: 42 } },
    { kind: 'response', data: response('r2', 'u1') },
  ],
  next_cursor: 'c2',
  has_more: true,
  remaining_estimate: 10,
};

describe('the page parser thread', () => {
  it('parses and validates as the in-process parser does, and takes the buffer', async () => {
    const parser = new WorkerPageParser(workerPath);
    try {
      const body = bytes(PAGE);
      const parsed = await parser.parse(body);
      expect(body.byteLength).toBe(0);
      expect(parsed).toEqual(parseChangesPage(bytes(PAGE)));
      expect(parsed).toMatchObject({ kind: 'page', count: 3, nextCursor: 'c2', hasMore: true, remaining: 10 });
      if (parsed.kind !== 'page') throw new Error('not a page');
      expect(parsed.invalid).toEqual([{ index: 1, reason: expect.stringContaining('data.score') as string }]);
      const changes = changesOfParsedPage(parsed.text, parsed.invalid);
      expect(changes.map((change) => 'reason' in change)).toEqual([false, true, false]);
      expect(changes[1]).toEqual({ payload: PAGE.changes[1], reason: parsed.invalid[0]?.reason });
      expect(changes[2]).toEqual(PAGE.changes[2]);
      expect(await parser.parse(bytes({ reset: true, reason: 'Too old.' }))).toEqual({
        kind: 'reset',
        reason: 'Too old.',
      });
      expect(await parser.parse(new Uint8Array([0x7b, 0xff, 0x7d]).buffer)).toMatchObject({ kind: 'invalid' });
    } finally {
      await parser.close();
    }
  });

  it('fails the pages in flight when it stops, and starts again for the next', async () => {
    const parser = new WorkerPageParser(workerPath);
    const inFlight = expect(parser.parse(bytes(PAGE))).rejects.toThrow(/page parser was closed/);
    await parser.close();
    await inFlight;
    await expect(parser.parse(bytes(PAGE))).resolves.toMatchObject({ kind: 'page', count: 3 });
    await parser.close();
  });

  it('fails clearly when its script is missing', async () => {
    const parser = new WorkerPageParser(path.join(outdir, 'missing.cjs'));
    await expect(parser.parse(bytes(PAGE))).rejects.toThrow(/page parser stopped/);
    await parser.close();
  });

  it('lives beside the database worker', () => {
    expect(pageParserWorkerPath('/app/dist/node/db-worker.cjs')).toBe('/app/dist/node/page-parser-worker.cjs');
  });
});
