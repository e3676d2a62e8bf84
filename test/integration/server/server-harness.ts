// Starts a reference server for a test and talks to it over real HTTP (Node's fetch).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer, type ReferenceServer, type ReferenceServerOptions } from '../../../server/index.js';
import type { StaffCredential } from '../../../server/reference-server.js';
import type { MutationReply } from '../../../common/api/mutations.js';
import { ChangesPage, ChangesReset, type Change } from '../../../common/api/changes.js';
import { recordKey } from '../../../server/store/change-log.js';
import { z } from 'zod';

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: unknown;
}

export interface CallOptions {
  readonly token?: string | null;
  readonly body?: unknown;
  /** Sent as is (for malformed JSON, invalid UTF-8 …). */
  readonly rawBody?: string | Uint8Array<ArrayBuffer>;
  readonly headers?: Record<string, string>;
}

export interface Harness {
  readonly server: ReferenceServer;
  readonly manager: StaffCredential;
  readonly agent: StaffCredential;
  readonly agent2: StaffCredential;
  readonly ingestKey: string;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** Posts a response as a survey would; returns the reply body. */
  ingest(body: Record<string, unknown>): Promise<Reply>;
  mutate(token: string, clientId: string, mutations: readonly unknown[]): Promise<MutationReply>;
  /** Pulls the whole feed from `cursor` and returns the changes and the last cursor. */
  pullAll(token: string, cursor?: string, limit?: number): Promise<{ changes: Change[]; cursor: string }>;
  close(): Promise<void>;
}

export const NOW = new Date('2026-06-01T12:00:00.000Z');

export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function surveyResponse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    end_user: { email: 'karin.nilsson@kund.example', name: 'Karin Nilsson', properties: { plan: 'Growth' } },
    survey_type: 'nps',
    score: 3,
    text: 'Exporten kraschar hela tiden.',
    channel: 'web',
    product: 'Ledger',
    country: 'SE',
    language: 'sv',
    ...overrides,
  };
}

export async function startHarness(options: ReferenceServerOptions = {}): Promise<Harness> {
  const server = await startReferenceServer({ checkReplies: true, ...options });
  const manager = server.createStaff({ name: 'Maria Manager', email: 'maria@team.example', role: 'manager' });
  const agent = server.createStaff({ name: 'Anders Agent', email: 'anders@team.example', role: 'agent' });
  const agent2 = server.createStaff({ name: 'Åsa Agent', email: 'asa@team.example', role: 'agent' });
  const ingestKey = server.createIngestKey('test survey');
  const harness: Harness = {
    server,
    manager,
    agent,
    agent2,
    ingestKey,
    call: (method, path, callOptions) => call(server.url, method, path, callOptions),
    ingest: (body) => harness.call('POST', '/v1/responses', { token: ingestKey, body: surveyResponse(body) }),
    mutate: async (token, clientId, mutations) => {
      const reply = await harness.call('POST', '/v1/mutations', { token, body: { client_id: clientId, mutations } });
      if (reply.status !== 200) throw new Error(`mutations answered ${reply.status}: ${reply.text}`);
      return reply.json as MutationReply;
    },
    pullAll: async (token, cursor, limit = 1000) => {
      const changes: Change[] = [];
      let next = cursor;
      for (;;) {
        const query = new URLSearchParams({ limit: String(limit), ...(next === undefined ? {} : { cursor: next }) });
        const reply = await harness.call('GET', `/v1/changes?${query.toString()}`, { token });
        if (reply.status !== 200) throw new Error(`changes answered ${reply.status}: ${reply.text}`);
        const page = z.union([ChangesPage, ChangesReset]).parse(reply.json);
        if ('reset' in page) throw new Error(`unexpected reset: ${page.reason}`);
        changes.push(...page.changes);
        next = page.next_cursor;
        if (!page.has_more) return { changes, cursor: next };
      }
    },
    close: () => server.close(),
  };
  return harness;
}

/** A temporary directory for database files, removed by the returned function. */
export function tempDir(): {
  readonly dir: string;
  readonly file: (name: string) => string;
  readonly remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-server-'));
  return {
    dir,
    file: (name) => join(dir, name),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The latest state of every record in a list of changes, keyed like the server's compaction. */
export function latestByRecord(changes: readonly Change[]): Map<string, Change> {
  const map = new Map<string, Change>();
  for (const c of changes) map.set(recordKey(c), c);
  return map;
}
