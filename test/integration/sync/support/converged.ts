// Convergence, checked field by field: every record the server's feed holds now (compacted to
// the latest change per record, tombstones included) against what the local cache holds,
// read back into API shapes; plus the projections (notes, contact log) against the events.
import { expect } from 'vitest';
import { z } from 'zod';
import { ChangesPage, ChangesReset, type Change } from '../../../../common/api/changes.js';
import type { Decline, FollowupEvent, FollowupEventData, Staff } from '../../../../common/api/records.js';
import { fromSqlBoolean, toInstant } from '../../../../electron/core/db/codec.js';
import { openDatabase } from '../../../../electron/core/db/open-database.js';
import { listFollowups } from '../../../../electron/core/db/readers/get-followup.js';
import { fromResponseRow, RESPONSE_COLUMNS, type ResponseRow } from '../../../../electron/core/db/response-row.js';
import type { Db } from '../../../../electron/core/db/sqlite.js';
import { latestByRecord } from '../../server/server-harness.js';

export async function serverFeed(baseUrl: string, token: string): Promise<Map<string, Change>> {
  const changes: Change[] = [];
  let cursor: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '5000', ...(cursor === undefined ? {} : { cursor }) });
    const res = await fetch(`${baseUrl}/v1/changes?${query.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = z.union([ChangesPage, ChangesReset]).parse(await res.json());
    if ('reset' in page) throw new Error(`unexpected reset: ${page.reason}`);
    changes.push(...page.changes);
    cursor = page.next_cursor;
    if (!page.has_more) return latestByRecord(changes);
  }
}

type Row = Readonly<Record<string, unknown>>;

function rows(db: Db, sql: string): Row[] {
  return db.prepare(sql).all() as Row[];
}

/** The cache's records as feed changes, keyed like the server's compaction. */
export function localRecords(db: Db): Map<string, Change> {
  const map = new Map<string, Change>();
  const put = (change: Change): void => {
    const id = change.kind === 'erasure' ? change.data.end_user_id : change.data.id;
    map.set(`${change.kind}:${id}`, change);
  };
  for (const r of rows(db, 'SELECT * FROM respondents')) {
    put({
      kind: 'respondent',
      data: {
        id: r.id as string,
        email: r.email as string | null,
        external_id: r.external_id as string | null,
        name: r.name as string | null,
        phone: r.phone as string | null,
        properties: JSON.parse(r.properties as string) as Record<string, string>,
        restricted: fromSqlBoolean(r.restricted as number),
        objected: fromSqlBoolean(r.objected as number),
        created_at: toInstant(r.created_at as number),
        updated_at: toInstant(r.updated_at as number),
      },
    });
  }
  for (const r of db.prepare(`SELECT ${RESPONSE_COLUMNS.join(', ')} FROM responses`).all() as ResponseRow[]) {
    put({ kind: 'response', data: fromResponseRow(r) });
  }
  for (const r of rows(db, 'SELECT * FROM declines')) {
    put({
      kind: 'decline',
      data: {
        id: r.id as string,
        end_user_id: r.end_user_id as string,
        survey_type: r.survey_type as Decline['survey_type'],
        channel: r.channel as Decline['channel'],
        product: r.product as string,
        origin_url: r.origin_url as string | null,
        created_at: toInstant(r.created_at as number),
      },
    });
  }
  for (const f of listFollowups(db)) put({ kind: 'followup', data: f });
  for (const r of rows(db, 'SELECT id, followup_id, actor_id, at, data FROM followup_events')) {
    const event: FollowupEvent = {
      id: r.id as string,
      followup_id: r.followup_id as string,
      actor_id: r.actor_id as string,
      at: toInstant(r.at as number),
      data: JSON.parse(r.data as string) as FollowupEventData,
    };
    put({ kind: 'followup_event', data: event });
  }
  for (const r of rows(db, 'SELECT * FROM staff')) {
    put({
      kind: 'staff',
      data: {
        id: r.id as string,
        name: r.name as string,
        email: r.email as string,
        role: r.role as Staff['role'],
        active: fromSqlBoolean(r.active as number),
      },
    });
  }
  for (const r of rows(db, 'SELECT * FROM erasures')) {
    put({
      kind: 'erasure',
      data: { end_user_id: r.end_user_id as string, erased_at: toInstant(r.erased_at as number) },
    });
  }
  return map;
}

/** Notes and the contact log, as the server's events say they should be. */
function expectedProjections(server: ReadonlyMap<string, Change>): {
  contacts: Set<string>;
  notes: Map<string, string>;
} {
  const events = [...server.values()]
    .filter((c): c is Extract<Change, { kind: 'followup_event' }> => c.kind === 'followup_event')
    .map((c) => c.data)
    .sort((a, b) => a.at.localeCompare(b.at));
  const contacts = new Set<string>();
  const notes = new Map<string, string>();
  for (const e of events) {
    if (e.data.kind === 'contact_logged') contacts.add(e.data.contact_id);
    if (e.data.kind === 'note_added' && !notes.has(e.data.note_id)) notes.set(e.data.note_id, e.data.text);
    if (e.data.kind === 'note_edited') notes.set(e.data.note_id, e.data.text);
  }
  return { contacts, notes };
}

export function withCache<T>(file: string, key: Buffer, read: (db: Db) => T): T {
  const db = openDatabase({ file, key });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export interface ConvergenceReport {
  readonly records: number;
}

/** Fails with the first differing records (by key) when the cache is not the server's state. */
export async function expectConverged(
  server: { readonly url: string },
  token: string,
  file: string,
  key: Buffer,
): Promise<ConvergenceReport> {
  const truth = await serverFeed(server.url, token);
  return withCache(file, key, (db) => {
    const local = localRecords(db);
    const missing = [...truth.keys()].filter((k) => !local.has(k));
    const extra = [...local.keys()].filter((k) => !truth.has(k));
    expect({ missing: missing.slice(0, 10), extra: extra.slice(0, 10) }).toEqual({ missing: [], extra: [] });
    const differing = [...truth.keys()].filter(
      (k) => JSON.stringify(sorted(truth.get(k))) !== JSON.stringify(sorted(local.get(k))),
    );
    for (const k of differing.slice(0, 3)) expect(local.get(k), k).toEqual(truth.get(k));
    expect(differing.length).toBe(0);
    const { contacts, notes } = expectedProjections(truth);
    expect(new Set(db.prepare('SELECT id FROM contact_log').pluck().all())).toEqual(contacts);
    expect(new Map(db.prepare('SELECT id, text FROM notes').raw().all() as [string, string][])).toEqual(notes);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sync_state WHERE key GLOB 'followup_base:*'").pluck().get()).toBe(0);
    return { records: truth.size };
  });
}

/** Key order does not matter to equality; JSON text of sorted keys compares fast. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}
