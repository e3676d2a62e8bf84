import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawBridge } from '../../../common/ipc/bridge.js';
import { encodeAllowListArguments, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/security/bridge-policy.js';

const { exposed, ipcListeners, ipcRenderer } = vi.hoisted(() => {
  const listeners: ((event: unknown, ...args: unknown[]) => void)[] = [];
  const renderer = {
    invoke: vi.fn(() => Promise.resolve({ ok: true, value: 'pong' })),
    on: vi.fn((_channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.push(listener);
      return renderer;
    }),
    send: vi.fn(),
  };
  return { exposed: new Map<string, unknown>(), ipcListeners: listeners, ipcRenderer: renderer };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.set(key, api);
    },
  },
  ipcRenderer,
}));

describe('electron/preload.ts', () => {
  const originalArgv = process.argv;
  beforeEach(() => {
    vi.resetModules();
    exposed.clear();
    ipcListeners.length = 0;
    process.argv = [...originalArgv, ...encodeAllowListArguments(['app:ping'], ['sync:status'])];
  });
  afterEach(() => {
    process.argv = originalArgv;
  });

  it('exposes exactly window.loopdesk = {invoke, subscribe}, with no Electron object', async () => {
    await import('../../../electron/preload.js');
    expect([...exposed.keys()]).toEqual(['loopdesk']);
    const api = exposed.get('loopdesk') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    for (const value of Object.values(api)) {
      expect(value).toBeTypeOf('function');
      expect(value).not.toBe(ipcRenderer.invoke);
      expect(value).not.toBe(ipcRenderer.on);
    }
  });

  it('uses the allow-lists passed on the command line', async () => {
    await import('../../../electron/preload.js');
    const api = exposed.get('loopdesk') as RawBridge;
    await expect(api.invoke('app:ping', { sentAt: 1 })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, 'app:ping', { sentAt: 1 });
    await expect(api.invoke('app:info', {})).resolves.toMatchObject({ ok: false });
    expect(() => api.subscribe('data:changed', vi.fn())).toThrow();

    const listener = vi.fn();
    const unsubscribe = api.subscribe('sync:status', listener);
    for (const l of ipcListeners) l({ sender: ipcRenderer }, 'sync:status', { phase: 'idle' });
    expect(listener.mock.calls).toEqual([[{ phase: 'idle' }]]);
    expect(unsubscribe).toBeTypeOf('function');
    expect(ipcRenderer.on).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function));
  });

  it('bundles to CommonJS that requires nothing but electron (the sandbox require() limit)', async () => {
    const result = await build({
      entryPoints: [path.resolve('electron/preload.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // As scripts/build.mjs: packages stay external, so a zod import would show up here.
      packages: 'external',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
