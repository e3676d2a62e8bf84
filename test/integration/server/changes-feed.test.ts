import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangesPage, ChangesReset, type Change } from '../../../common/api/changes.js';
import { followupIdFor } from '../../../common/api/records.js';
import { encodeCursor } from '../../../server/store/cursor.js';
import { NOW, startHarness, type Harness } from './server-harness.js';

let h: Harness;
let clockMs = NOW.getTime();

beforeAll(async () => {
  h = await startHarness({ demo: { responses: 400, seed: 7, now: NOW }, clock: () => new Date(clockMs) });
});
afterAll(async () => {
  await h.close();
});

async function page(cursor: string | undefined, limit?: number): Promise<ChangesPage | ChangesReset> {
  const q = new URLSearchParams();
  if (cursor !== undefined) q.set('cursor', cursor);
  if (limit !== undefined) q.set('limit', String(limit));
  const reply = await h.call('GET', `/v1/changes?${q.toString()}`, { token: h.agent.token });
  expect(reply.status).toBe(200);
  return ChangesPage.or(ChangesReset).parse(reply.json);
}

function expectReset(reply: ChangesPage | ChangesReset, why: string): void {
  expect('reset' in reply && reply.reason).toContain(why);
}

function keyOf(c: Change): string {
  return c.kind === 'erasure' ? `erasure:${c.data.end_user_id}` : `${c.kind}:${c.data.id}`;
}

describe('GET /v1/changes', () => {
  it('pages through everything once, respondents before their responses, follow-ups after', async () => {
    const small = await h.pullAll(h.agent.token, undefined, 37);
    const big = await h.pullAll(h.agent.token, undefined, 5000);
    expect(small.changes).toEqual(big.changes);
    const keys = big.changes.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    const seen = new Set<string>();
    for (const c of big.changes) {
      if (c.kind === 'response' || c.kind === 'decline')
        expect(seen.has(`respondent:${c.data.end_user_id}`)).toBe(true);
      if (c.kind === 'followup') expect(seen.has(`response:${c.data.response_id}`)).toBe(true);
      if (c.kind === 'followup_event') expect(seen.has(`followup:${c.data.followup_id}`)).toBe(true);
      seen.add(keyOf(c));
    }
    const kinds = new Set(big.changes.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['decline', 'followup', 'followup_event', 'respondent', 'response', 'staff']);
  });

  it('reports has_more, a decreasing remaining_estimate and a stable cursor at the end', async () => {
    let cursor: string | undefined;
    const estimates: number[] = [];
    for (;;) {
      const p = await page(cursor, 500);
      if ('reset' in p) throw new Error(p.reason);
      estimates.push(p.remaining_estimate ?? -1);
      cursor = p.next_cursor;
      if (!p.has_more) break;
    }
    expect(estimates.at(-1)).toBe(0);
    expect([...estimates].sort((a, b) => b - a)).toEqual(estimates);
    const after = await page(cursor);
    expect(after).toMatchObject({ changes: [], has_more: false, next_cursor: cursor });
  });

  it('defaults to 1000 changes a page', async () => {
    const p = await page(undefined);
    expect('changes' in p && p.changes.length).toBe(1000);
  });

  it('compacts: a record changed many times is sent once, at its latest state', async () => {
    const { cursor } = await h.pullAll(h.agent.token);
    const response = (await h.pullAll(h.agent.token)).changes.find((c) => c.kind === 'response' && c.data.score >= 9);
    if (response?.kind !== 'response') throw new Error('no promoter in the demo');
    const r = response.data.id;
    const priorities = ['high', 'urgent', 'low', 'normal', 'urgent'];
    await h.mutate(
      h.agent.token,
      'feed-compaction',
      priorities.map((priority, i) => ({ id: i + 1, name: 'set_priority', args: { response_id: r, priority } })),
    );
    const bootstrap = await h.pullAll(h.agent.token);
    const followups = bootstrap.changes.filter((c) => c.kind === 'followup' && c.data.id === followupIdFor(r));
    expect(followups).toHaveLength(1);
    expect(followups[0]?.data).toMatchObject({ priority: 'urgent', version: 6 });
    const incremental = await h.pullAll(h.agent.token, cursor);
    expect(incremental.changes.filter((c) => c.kind === 'followup')).toHaveLength(1);
    expect(incremental.changes.filter((c) => c.kind === 'followup_event')).toHaveLength(6);
  });

  it('answers reset to a garbled cursor, a cursor from another feed epoch and one from the future', async () => {
    for (const bad of ['garbage', 'YzEuMTIzNC41', encodeCursor({ epoch: '0123456789abcdef', seq: 1, horizon: 0 })]) {
      expect(await page(bad)).toMatchObject({ reset: true });
    }
    const { cursor } = await h.pullAll(h.agent.token);
    const ahead = Buffer.from(
      Buffer.from(cursor, 'base64url')
        .toString()
        .replace(/\.(\d+)\.(\d+)$/, '.999999999.$2'),
    ).toString('base64url');
    expectReset(await page(ahead), 'ahead');
  });

  it('keeps erasure tombstones for the horizon, then resets cursors older than them', async () => {
    const before = await h.pullAll(h.agent.token);
    const respondent = before.changes.find((c) => c.kind === 'respondent');
    if (respondent?.kind !== 'respondent') throw new Error('no respondent');
    expect(
      (await h.call('POST', `/v1/respondents/${respondent.data.id}/erasure`, { token: h.manager.token, body: {} }))
        .status,
    ).toBe(200);
    const incremental = await h.pullAll(h.agent.token, before.cursor);
    expect(incremental.changes.at(-1)).toMatchObject({ kind: 'erasure', data: { end_user_id: respondent.data.id } });
    const { cursor: afterTombstone } = incremental;
    // Within the horizon nothing is purged.
    expect(h.server.purgeTombstones(new Date(clockMs + 29 * 86_400_000))).toBe(0);
    expect(await page(before.cursor)).toHaveProperty('changes');
    // Past it, the tombstone goes and a cursor from before it must rebuild; later cursors need not.
    clockMs += 31 * 86_400_000;
    expect(h.server.purgeTombstones()).toBe(1);
    expectReset(await page(before.cursor), 'horizon');
    expect(await page(afterTombstone)).toHaveProperty('changes');
    // A client that rebuilds from the beginning sees no trace of the respondent.
    const rebuilt = await h.pullAll(h.agent.token);
    expect(JSON.stringify(rebuilt.changes)).not.toContain(respondent.data.id);
  });

  it('resets every cursor when the feed epoch changes', async () => {
    const { cursor } = await h.pullAll(h.agent.token);
    h.server.resetFeed();
    expectReset(await page(cursor), 'rebuilt');
    expect(await page(undefined)).toHaveProperty('changes');
  });
});
