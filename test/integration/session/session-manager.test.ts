// The session against a real reference server (as the demo, and as "a real API") and a
// real vault over an in-process encrypted cache; only the sync engine is a recorder.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../common/ipc/channels/session.js';
import { EventBus } from '../../../electron/core/events.js';
import { IpcFailure } from '../../../electron/core/ipc/handler-table.js';
import type { DemoServer } from '../../../electron/core/session/demo-server.js';
import type { EngineArgs } from '../../../electron/core/session/session-engine.js';
import { SessionManager } from '../../../electron/core/session/session-manager.js';
import type { Vault } from '../../../electron/core/vault/vault.js';
import { startReferenceServer, type ReferenceServer } from '../../../server/index.js';
import { testVault } from '../../unit/vault/support/test-vault.js';

let demo: ReferenceServer;
let otherApi: ReferenceServer;

beforeAll(async () => {
  demo = await startReferenceServer({ demo: { responses: 200, seed: 7, now: new Date('2026-11-01T12:00:00Z') } });
  otherApi = await startReferenceServer({ bootstrapManager: true });
});
afterAll(async () => {
  await demo.close();
  await otherApi.close();
});

interface Harness {
  readonly session: SessionManager;
  readonly vault: Vault;
  readonly engines: { args: EngineArgs; running: boolean }[];
  readonly demoStarts: () => number;
}

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.session.close();
    await h.vault.close();
  }
});

async function harness(): Promise<Harness> {
  const events = new EventBus();
  const vault = testVault(mkdtempSync(path.join(os.tmpdir(), 'loopdesk-session-')), {
    events,
    passphraseFromEnv: 'session test passphrase',
  });
  const engines: { args: EngineArgs; running: boolean }[] = [];
  let demoStarts = 0;
  const session = new SessionManager({
    vault,
    events,
    fetch: globalThis.fetch,
    startDemoServer: (): Promise<DemoServer> => {
      demoStarts += 1;
      return Promise.resolve({ url: demo.url, staff: demo.staff, close: () => Promise.resolve() });
    },
    createEngine: (args) => {
      const engine = { args, running: false };
      engines.push(engine);
      return {
        start: () => {
          engine.running = true;
        },
        stop: () => {
          engine.running = false;
          return Promise.resolve();
        },
      };
    },
    logError: (context, error) => {
      throw new Error(`${context}: ${String(error)}`);
    },
  });
  await vault.start();
  const h = { session, vault, engines, demoStarts: () => demoStarts };
  harnesses.push(h);
  await until(() => session.status().state === 'running');
  return h;
}

async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(predicate()).toBe(true);
}

function running(h: Harness): EngineArgs[] {
  return h.engines.filter((e) => e.running).map((e) => e.args);
}

describe('session', () => {
  it('starts in demo mode, signed in as a demo agent, once the vault is unlocked', async () => {
    const h = await harness();
    const status: SessionStatus = h.session.status();
    expect(status).toMatchObject({ state: 'running', source: 'demo', baseUrl: demo.url, me: { role: 'agent' } });
    expect(status.demoStaff.map((s) => s.role)).toContain('manager');
    expect(h.session.isDemo()).toBe(true);
    const [engine] = running(h);
    expect(engine?.connection.baseUrl).toBe(demo.url);
    expect(engine?.connection.token).toBe(demo.staff.find((s) => s.id === status.me?.id)?.token);
  });

  it('signs in as another demo staff member without clearing the cache, and remembers it', async () => {
    const h = await harness();
    const manager = demo.staff.find((s) => s.role === 'manager')!;
    await h.vault.database().call('putSetting', { key: 'probe', value: 1 });
    const status = await h.session.useDemo(manager.id);
    expect(status.me).toMatchObject({ id: manager.id, role: 'manager' });
    expect(running(h)).toHaveLength(1);
    expect(running(h)[0]?.connection.token).toBe(manager.token);
    expect(h.demoStarts()).toBe(1);
    expect(await h.vault.database().call('getSetting', { key: 'connection' })).toEqual({
      kind: 'demo',
      staffId: manager.id,
    });
  });

  it('refuses an unknown demo staff member', async () => {
    const h = await harness();
    await expect(h.session.useDemo('st_nobody')).rejects.toBeInstanceOf(IpcFailure);
    expect(h.session.status().state).toBe('running');
  });

  it('checks an API token before switching, with a clear message when it is refused', async () => {
    const h = await harness();
    await expect(h.session.connectApi(otherApi.url, 'not-a-real-token-0000000000')).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/refused this token/) as unknown,
    });
    await expect(h.session.connectApi('http://127.0.0.1:9', 'x'.repeat(20))).rejects.toMatchObject({
      code: 'unavailable',
    });
    // Nothing switched.
    expect(h.session.status().source).toBe('demo');
    expect(running(h)).toHaveLength(1);
  });

  it('switching to a real API clears what came from the demo server, pending mutations included', async () => {
    const h = await harness();
    const db = h.vault.database();
    await db.call('putSetting', { key: 'theme', value: 'dark' });
    const admin = otherApi.staff[0]!;
    const status = await h.session.connectApi(otherApi.url, admin.token);
    expect(status).toMatchObject({ state: 'running', source: 'api', baseUrl: otherApi.url, me: { id: admin.id } });
    expect(h.session.isDemo()).toBe(false);
    expect(running(h).map((e) => e.connection)).toEqual([{ baseUrl: otherApi.url, token: admin.token }]);
    const counts = await db.call('countRows', {});
    expect(counts.outbox).toBe(0);
    expect(counts.sync_state).toBe(0);
    expect(await db.call('getSetting', { key: 'theme' })).toBe('dark');

    const back = await h.session.useDemo(null);
    expect(back).toMatchObject({ source: 'demo', me: { role: 'agent' } });
    expect(running(h)).toHaveLength(1);
  });

  it('stops the engine when the vault locks', async () => {
    const h = await harness();
    await h.vault.lock();
    await until(() => h.session.status().state === 'locked');
    expect(running(h)).toEqual([]);
  });
});
