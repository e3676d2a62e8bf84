// What a thief with the disk sees: the comment and the e-mail address must not appear in
// the database file or its WAL, before or after a checkpoint.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../common/api/changes.js';
import { openDatabase } from '../../../electron/core/db/open-database.js';
import { checkpointTruncate } from '../../../electron/core/db/pragmas.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { bytesOf, containsText } from '../../unit/db/support/files.js';
import { respondent, response } from '../../unit/db/support/records.js';
import { tempDir } from '../../unit/db/support/temp-dirs.js';
import { openTestDatabase } from '../../unit/db/support/test-database.js';

const COMMENT = 'Zanzibarian frobnication ruined my invoice';
const EMAIL = 'very.private.person@secret-domain.test';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const changes: Change[] = [
  { kind: 'respondent', data: respondent('u1', { email: EMAIL }) },
  { kind: 'response', data: response('r1', 'u1', { text: COMMENT }) },
];

function expectNoPlaintext(bytes: Buffer, label: string): void {
  expect(containsText(bytes, COMMENT), `${label} holds the comment`).toBe(false);
  expect(containsText(bytes, EMAIL), `${label} holds the e-mail`).toBe(false);
  expect(containsText(bytes, 'frobnication'), `${label} holds a comment word`).toBe(false);
  expect(containsText(bytes, 'secret-domain'), `${label} holds part of the e-mail`).toBe(false);
}

describe('encryption at rest', () => {
  it('the plaintext detector finds the strings in an unencrypted database (control)', () => {
    const file = path.join(tempDir(), 'plain.db');
    const plain: Db = new Database(file);
    plain.exec('CREATE TABLE t (comment TEXT, email TEXT)');
    plain.prepare('INSERT INTO t VALUES (?, ?)').run(COMMENT, EMAIL);
    plain.close();
    expect(containsText(bytesOf(file), COMMENT)).toBe(true);
    expect(containsText(bytesOf(file), EMAIL)).toBe(true);
    expect(bytesOf(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
  });

  it('neither the database nor its WAL holds the comment or the e-mail', () => {
    const { db: writer, file, key } = openTestDatabase();
    // A second connection keeps the WAL on disk after the writer closes, as a crash would.
    const reader = openDatabase({ file, key });
    applyChanges(writer, changes);
    writer.close();

    const wal = bytesOf(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(4096);
    expectNoPlaintext(wal, 'the -wal file');
    expectNoPlaintext(bytesOf(file), 'the database before checkpoint');

    expect(checkpointTruncate(reader)).toEqual({ truncated: true });
    expect(bytesOf(`${file}-wal`).length).toBe(0);
    reader.close();

    const db = bytesOf(file);
    expect(db.length).toBeGreaterThan(4096);
    expectNoPlaintext(db, 'the database after checkpoint');
    expect(db.subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
  });
});
