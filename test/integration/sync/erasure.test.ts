// Erasure: a tombstone removes everything about the respondent — responses, comments and their
// full-text rows, follow-ups, contact logs, notes and the edits still waiting in the outbox —
// and then truncates the WAL. Checked through SQL (every table, the FTS shadow tables
// included) and below it: every page of the database file and of the WAL, decrypted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followupIdFor } from '../../../common/api/records.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import type { ReferenceServer } from '../../../server/index.js';
import { serverFeed, withCache, expectConverged } from './support/converged.js';
import { eraseOnServer, ingestAnswer } from './support/server-actions.js';
import { anyContains, decryptDatabasePages, decryptWalFrames } from './support/sqlcipher-pages.js';
import { agents, manager, openClient, removeTempDirs, startDemoServer } from './support/sync-harness.js';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startDemoServer(120, { faults: { seed: 5 } });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

const EMAIL = 'erased.person@private-mailbox.example';
const COMMENT = 'The qqfrobnicationzz module double-charged my account twice';
/** A word of the comment as the FTS index stores it (folded); its tail survives prefix compression. */
const FTS_WORD = 'qqfrobnicationzz';
const FTS_TAIL = 'nicationzz';
const NOTE = 'Spoke to the erased person about their refund';
const CONTACT_NOTE = 'Left a voicemail on the private line';

/** Every value of every table, the FTS shadow tables included, that contains the text. */
function tablesContaining(db: Db, text: string): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const found: string[] = [];
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]) {
      for (const value of row) {
        const hay = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
        if (hay.includes(Buffer.from(text))) found.push(table);
      }
    }
  }
  return [...new Set(found)];
}

function onDisk(file: string, key: Buffer): Buffer[] {
  return [...decryptDatabasePages(file, key), ...decryptWalFrames(`${file}-wal`, key)];
}

describe('erasure', () => {
  it('leaves nothing of the respondent, not even an edit that was waiting to be sent', async () => {
    const [agent] = agents(server);
    const { responseId, endUserId } = await ingestAnswer(server, {
      end_user: { email: EMAIL, name: 'Erased Person', phone: '+46 70 000 00 00' },
      text: COMMENT,
    });
    const a = await openClient({ server, token: agent!.token, options: { pokes: false } });
    await a.engine.syncNow();

    // Control: before the erasure, every detector finds what it looks for.
    withCache(a.file, a.key, (db) => {
      expect(tablesContaining(db, EMAIL)).toContain('respondents');
      expect(tablesContaining(db, COMMENT)).toContain('responses');
      expect(tablesContaining(db, FTS_TAIL)).toContain('responses_fts_data');
      expect(db.prepare('SELECT count(*) FROM responses_fts WHERE responses_fts MATCH ?').pluck().get(FTS_WORD)).toBe(
        1,
      );
    });
    const before = onDisk(a.file, a.key);
    expect(anyContains(before, EMAIL)).toBe(true);
    expect(anyContains(before, COMMENT)).toBe(true);

    // Edits about the respondent wait in the outbox: the server refuses writes for now.
    await a.engine.submit('log_contact', {
      response_id: responseId,
      contact_id: `c-${responseId}`,
      channel: 'phone',
      direction: 'outbound',
      outcome: 'left_message',
      note: CONTACT_NOTE,
      contacted_at: '2026-06-01T10:00:00Z',
    });
    await a.engine.submit('add_note', { response_id: responseId, note_id: `n-${responseId}`, text: NOTE });
    withCache(a.file, a.key, (db) => {
      expect(tablesContaining(db, NOTE)).toEqual(expect.arrayContaining(['notes', 'outbox']));
      expect(tablesContaining(db, CONTACT_NOTE)).toEqual(expect.arrayContaining(['contact_log', 'outbox']));
    });
    server.faults!.enqueue('POST /v1/mutations', { kind: 'status', status: 503 });
    await eraseOnServer(server, endUserId);

    // One cycle: the push fails, the pull brings the tombstone.
    await a.engine.syncNow();
    expect(server.faults!.injected.some((f) => f.path === '/v1/mutations')).toBe(true);
    expect(a.engine.status().pendingMutations).toBe(0);
    await a.engine.syncNow();
    expect(a.engine.status()).toMatchObject({ phase: 'idle', pendingMutations: 0 });
    expect(a.eventsOf('mutation:rejected')).toEqual([]);

    withCache(a.file, a.key, (db) => {
      for (const text of [EMAIL, COMMENT, FTS_TAIL, NOTE, CONTACT_NOTE, endUserId, responseId]) {
        expect(tablesContaining(db, text), text).toEqual(
          // The tombstone keeps the respondent's id only, so a replayed page cannot resurrect them.
          text === endUserId ? ['erasures'] : [],
        );
      }
      expect(db.prepare('SELECT count(*) FROM responses_fts WHERE responses_fts MATCH ?').pluck().get(FTS_WORD)).toBe(
        0,
      );
      expect(db.prepare('SELECT count(*) FROM followups WHERE id = ?').pluck().get(followupIdFor(responseId))).toBe(0);
    });
    const after = onDisk(a.file, a.key);
    expect(after.length).toBeGreaterThan(10);
    for (const text of [EMAIL, COMMENT, FTS_TAIL, NOTE, CONTACT_NOTE]) {
      expect(anyContains(after, text), `${text} on disk`).toBe(false);
    }
    // Nothing about the respondent reached the server either, and nothing came back.
    const feed = await serverFeed(server.url, manager(server).token);
    expect([...feed.keys()].filter((k) => k.includes(responseId))).toEqual([]);
    await expectConverged(server, manager(server).token, a.file, a.key);
    await a.close();
  });
});
