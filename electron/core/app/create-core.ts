// The composition root of the core: builds the handler table and the event bus from the
// services the shell injects. Both shells (electron/main.ts and electron/host) call this, so
// the renderer talks to exactly the same code either way.
import { createHandlerTable, type Dispatch, type HandlerMap } from '../ipc/handler-table.js';
import { appHandlers } from '../ipc/handlers/app-handlers.js';
import { vaultHandlers } from '../ipc/handlers/vault-handlers.js';
import { queueHandlers } from '../ipc/handlers/queue-handlers.js';
import { syncHandlers } from '../ipc/handlers/sync-handlers.js';
import { followupHandlers } from '../ipc/handlers/followup-handlers.js';
import { FollowupNotifier } from '../followups/notices/followup-notifier.js';
import { teamHandlers } from '../ipc/handlers/team-handlers.js';
import { createExportsArea } from '../export/exports-area.js';
import { EventBus } from '../events.js';
import { bundledDbWorkerPath, WorkerDatabaseClient } from '../db/worker-database-client.js';
import { Vault } from '../vault/vault.js';
import { SessionManager } from '../session/session-manager.js';
import { sessionHandlers } from '../ipc/handlers/session-handlers.js';
import { createSyncEngine, pageParserWorkerPath, WorkerPageParser, type SyncEngine } from '../sync/index.js';
import type { ShellServices } from './shell-services.js';

export interface LoopdeskCore {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Unlocked, it hands out the DatabaseClient: vault.database(); vault.onStatus() to follow. */
  readonly vault: Vault;
  close(): Promise<void>;
}

export function createCore(shell: ShellServices): LoopdeskCore {
  const events = new EventBus();
  const dbWorkerPath = shell.dbWorkerPath ?? bundledDbWorkerPath();
  // One parser thread for the app's life, whichever server the session syncs from.
  const pageParser = new WorkerPageParser(pageParserWorkerPath(dbWorkerPath));
  const vault = new Vault({
    profileDir: shell.profileDir,
    openDatabase: (options) => WorkerDatabaseClient.open({ ...options, workerPath: dbWorkerPath }),
    osKeyStore: shell.osKeyStore,
    passphraseFromEnv: shell.passphraseFromEnv,
    events,
    logError: (context, error) => {
      shell.logError(context, error);
    },
  });
  // Unlocks without asking when the keychain or LOOPDESK_PASSPHRASE allows; otherwise the
  // renderer learns from 'vault:status' that it must ask.
  vault.start().catch((error: unknown) => {
    shell.logError('vault start', error);
  });
  // CSV/XLSX exports, and the uplink that sends their audit trail to the current server.
  const exportsArea = createExportsArea({
    database: () => vault.database(),
    events,
    fetch: shell.fetch,
    ...(shell.chooseExportPath === undefined ? {} : { chooseExportPath: shell.chooseExportPath }),
    logError: (context, error) => {
      shell.logError(context, error);
    },
  });
  // Once the vault unlocks, the session picks the data source (demo server or the stored
  // API) and runs the sync engine against it.
  const session = new SessionManager<SyncEngine>({
    vault,
    events,
    fetch: shell.fetch,
    startDemoServer: shell.startDemoServer,
    createEngine: (args) => {
      exportsArea.connect(args.connection);
      return createSyncEngine({ ...args, systemEvents: shell.systemEvents, pageParser });
    },
    logError: (context, error) => {
      shell.logError(context, error);
    },
  });
  // Tells the user when a colleague assigns them a follow-up, one of theirs becomes overdue,
  // or a colleague's change wins over theirs: after each completed sync and once a minute.
  const notifier = new FollowupNotifier({
    database: () => vault.database(),
    events,
    notify: shell.notify ?? undefined,
    logError: (context, error) => {
      shell.logError(context, error);
    },
  });
  notifier.start();
  const handlers: HandlerMap = {
    ...appHandlers(shell, () => session.isDemo()),
    ...vaultHandlers(vault),
    ...queueHandlers({ database: () => vault.database() }),
    ...syncHandlers({ engine: () => session.engine(), database: () => vault.database() }),
    ...sessionHandlers(session),
    ...followupHandlers({ database: () => vault.database(), engine: () => session.engine() }),
    ...teamHandlers({ database: () => vault.database() }),
    ...exportsArea.handlers,
  };
  const dispatch = createHandlerTable(handlers, {
    onInternalError: (channel, error) => {
      shell.logError(`ipc ${channel}`, error);
    },
  });
  return {
    dispatch,
    events,
    vault,
    close: async () => {
      await notifier.stop();
      await exportsArea.close();
      await session.close();
      await pageParser.close();
      await vault.close();
    },
  };
}
