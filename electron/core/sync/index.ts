// The sync engine's public face, for the session (electron/core/session) and the IPC handlers.
export { SyncEngine, DEFAULT_SYNC_OPTIONS } from './sync-engine.js';
export type { SyncEngineArgs, SyncEngineOptions, SystemEvent, SubscribeSystemEvents } from './sync-engine.js';
export { MutationRefused, type RefusalCode } from './mutation-refused.js';
export type { ApiConnection } from './api-client.js';
export { systemClock, type SyncClock } from './sync-clock.js';
export { pageParserWorkerPath, WorkerPageParser } from './worker-page-parser.js';

import { SyncEngine, type SyncEngineArgs } from './sync-engine.js';

/** The factory the session calls once the vault is unlocked and the connection chosen. */
export function createSyncEngine(args: SyncEngineArgs): SyncEngine {
  return new SyncEngine(args);
}
export { watchSystemEvents, type SystemWatchOptions } from './system-events.js';
