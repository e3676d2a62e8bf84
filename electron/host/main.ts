// Entry point of browser mode (`npm start` where the Electron runtime is missing, and e2e).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/app/create-core.js';
import { watchSystemEvents } from '../core/sync/system-events.js';
import { startEmbeddedDemoServer } from '../embedded-demo-server.js';
import { startHost } from './host-server.js';
import { defaultBrowserProfileDir, ensurePrivateDir } from './profile-dir.js';
import packageJson from '../../package.json' with { type: 'json' };

function logError(context: string, error: unknown): void {
  console.error(`[loopdesk] ${context}:`, error);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.LOOPDESK_PORT ?? '0' },
      profile: { type: 'string', default: process.env.LOOPDESK_PROFILE },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number, got ${values.port}`);
  }
  const profileDir = ensurePrivateDir(values.profile ?? defaultBrowserProfileDir());
  const core = createCore({
    kind: 'browser',
    version: packageJson.version,
    platform: process.platform,
    profileDir,
    // Browser mode has no system-browser bridge: the page opens confirmed links itself.
    openExternal: () => Promise.resolve(false),
    startDemoServer: () => startEmbeddedDemoServer(profileDir),
    logError,
    // Browser mode has no OS keychain: the passphrase protects the key (LOOPDESK_PASSPHRASE
    // supplies it non-interactively, for tests).
    osKeyStore: null,
    fetch: globalThis.fetch,
    // No desktop notifications from a browser tab: the page shows them as toasts instead.
    notify: null,
    // Node has no resume or online events: a timer that fires late reveals a sleep, and any
    // non-loopback interface counts as a network link.
    systemEvents: watchSystemEvents({
      isOnline: () =>
        Object.values(os.networkInterfaces()).some((addresses) => addresses?.some((a) => !a.internal) === true),
    }),
    // An empty LOOPDESK_PASSPHRASE means "ask", as if it were not set.
    passphraseFromEnv: process.env.LOOPDESK_PASSPHRASE === '' ? undefined : process.env.LOOPDESK_PASSPHRASE,
  });
  const host = await startHost({
    core,
    rendererDir: path.join(__dirname, '..', 'renderer'),
    port,
    logError,
  });
  // One machine-readable line first (the e2e harness reads it), then the human one.
  console.log(`LOOPDESK_URL=${host.url}`);
  console.log(`Loopdesk is running in browser mode. Open ${host.url}`);

  const shutdown = (): void => {
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`[loopdesk] browser mode failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
