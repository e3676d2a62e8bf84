// The fault suite: every fault the reference server can inject, on the feed and on pushes,
// while colleagues and surveys keep changing the data; then a burst of random faults on
// every route, pokes included. Afterwards both clients must hold exactly the server's state,
// field by field, and every mutation must have been applied exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followupIdFor } from '../../../common/api/records.js';
import { MutationRefused } from '../../../electron/core/sync/mutation-refused.js';
import type { Fault, ReferenceServer } from '../../../server/index.js';
import { expectConverged, serverFeed } from './support/converged.js';
import { ingestAnswer } from './support/server-actions.js';
import {
  agents,
  manager,
  seededRandom,
  openClient,
  removeTempDirs,
  startDemoServer,
  syncUntilSettled,
  type SyncClient,
} from './support/sync-harness.js';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startDemoServer(400, { faults: { seed: 21 }, keepAliveMs: 200 });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

const EVERY_FAULT: readonly Fault[] = [
  { kind: 'delay', ms: 80 },
  { kind: 'drop', when: 'before_handler' },
  { kind: 'drop', when: 'mid_body' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503, retryAfterSeconds: 1 },
  { kind: 'rate_limit', retryAfterSeconds: 1 },
  { kind: 'duplicate_page' },
  { kind: 'reset' },
  { kind: 'restart' },
];

/** The same kinds, with Retry-After 0 so that a random burst stays quick. */
const QUICK_FAULTS: readonly Fault[] = EVERY_FAULT.map((f) =>
  f.kind === 'rate_limit' || (f.kind === 'status' && f.retryAfterSeconds !== undefined)
    ? { ...f, retryAfterSeconds: 0 }
    : f,
);

const notes: { responseId: string; noteId: string }[] = [];
let noteCount = 0;

async function note(client: SyncClient, responseId: string): Promise<void> {
  noteCount += 1;
  const noteId = `fault-note-${noteCount}`;
  try {
    await client.engine.submit('add_note', { response_id: responseId, note_id: noteId, text: `Note ${noteCount}` });
    notes.push({ responseId, noteId });
  } catch (error) {
    // A reset drops the cache until the new pull brings the response back: it cannot be
    // edited meanwhile, as the user could not see it.
    if (!(error instanceof MutationRefused && error.code === 'not_found')) throw error;
  }
}

function describeFault(f: Fault): string {
  return JSON.stringify(f);
}

describe('fault suite', () => {
  it('converges after every fault type, then after random faults everywhere', async () => {
    const [first, second] = agents(server);
    // Small pages: more requests, so faults land mid-feed; pokes on, with a fast watchdog.
    const options = { pageSize: 300, pokeIdleTimeoutMs: 1_000 };
    const a = await openClient({ server, token: first!.token, options, random: seededRandom(1) });
    const b = await openClient({ server, token: second!.token, options, random: seededRandom(2) });
    a.engine.start();
    b.engine.start();
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    const random = seededRandom(42);

    for (const fault of EVERY_FAULT) {
      const fresh = await ingestAnswer(server);
      await syncUntilSettled(b);
      await note(b, fresh.responseId);
      await syncUntilSettled(b);
      await a.engine.syncNow();
      await note(a, fresh.responseId);
      const injectedBefore = server.faults!.injected.length;
      server.faults!.enqueue('/v1/changes', fault);
      server.faults!.enqueue('POST /v1/mutations', fault);
      await syncUntilSettled(a);
      // Both were used (a restart or a reset can absorb the second: the first must be there).
      const used = server.faults!.injected.slice(injectedBefore).map((f) => describeFault(f.fault));
      expect(used, describeFault(fault)).toContain(describeFault(fault));
      server.faults!.clear();
      expect(a.engine.status(), describeFault(fault)).toMatchObject({ phase: 'idle', pendingMutations: 0 });
    }

    const targets = [...(await serverFeed(server.url, manager(server).token)).values()].flatMap((c) =>
      c.kind === 'response' ? [c.data.id] : [],
    );
    // Random faults on every route, pokes included, in two bursts: a one-off reset reply
    // followed at once by a replay of the page asked for before the reset is a server that
    // says "start over" and then answers the old position — no client can tell that page
    // from the first one (cursors are opaque), so the two never meet here.
    for (const burst of [
      QUICK_FAULTS.filter((f) => f.kind !== 'reset'),
      QUICK_FAULTS.filter((f) => f.kind !== 'duplicate_page'),
    ]) {
      server.faults!.setRandom([{ route: '*', probability: 0.3, faults: burst }]);
      for (let round = 0; round < 5; round++) {
        await ingestAnswer(server).catch(() => undefined);
        for (const client of [a, b]) {
          await note(client, targets[Math.floor(random() * targets.length)]!);
          await client.engine.syncNow();
        }
      }
    }
    server.faults!.clear();
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    await syncUntilSettled(a);

    const kinds = new Set(server.faults!.injected.map((f) => f.fault.kind));
    expect([...kinds].sort()).toEqual(['delay', 'drop', 'duplicate_page', 'rate_limit', 'reset', 'restart', 'status']);
    await expectConverged(server, manager(server).token, a.file, a.key);
    await expectConverged(server, manager(server).token, b.file, b.key);
    // Exactly once: one note_added event per note, on the follow-up it was written on.
    const feed = await serverFeed(server.url, manager(server).token);
    const added = new Map<string, string[]>();
    for (const c of feed.values()) {
      if (c.kind === 'followup_event' && c.data.data.kind === 'note_added') {
        added.set(c.data.data.note_id, [...(added.get(c.data.data.note_id) ?? []), c.data.followup_id]);
      }
    }
    expect(notes.length).toBeGreaterThan(20);
    for (const { responseId, noteId } of notes) expect(added.get(noteId), noteId).toEqual([followupIdFor(responseId)]);
    await a.close();
    await b.close();
  });
});
