// Exports as the composition root wires them: the service behind the export channels and
// the uplink that sends their audit trail. The uplink follows the session: connected with
// the API connection the sync engine is created with, disconnected whenever the session is
// not running (locked, switching server, failed).
import type { EventBus } from '../events.js';
import type { DatabaseClient } from '../db/database-client.js';
import type { HandlerMap } from '../ipc/handler-table.js';
import { exportHandlers } from '../ipc/handlers/export-handlers.js';
import type { ApiConnection } from '../session/session-engine.js';
import { ExportAuditUplink } from './audit-uplink.js';
import { ExportService, type ChooseExportPath } from './export-service.js';

export interface ExportsAreaDeps {
  readonly database: () => DatabaseClient;
  readonly events: EventBus;
  readonly fetch: typeof fetch;
  readonly chooseExportPath?: ChooseExportPath;
  readonly logError: (context: string, error: unknown) => void;
}

export interface ExportsArea {
  readonly handlers: ReturnType<typeof exportHandlers>;
  /** Call with the connection each sync engine is created with. */
  connect(connection: ApiConnection): void;
  close(): Promise<void>;
}

export function createExportsArea(deps: ExportsAreaDeps): ExportsArea {
  const uplink = new ExportAuditUplink({ database: deps.database, fetch: deps.fetch, logError: deps.logError });
  const service = new ExportService({
    database: deps.database,
    ...(deps.chooseExportPath === undefined ? {} : { chooseExportPath: deps.chooseExportPath }),
    onAudited: () => {
      uplink.nudge();
    },
  });
  const detach = deps.events.connect((event, payload) => {
    if (event === 'session:status' && (payload as { state?: string }).state !== 'running') uplink.disconnect();
  });
  return {
    handlers: exportHandlers(service) satisfies Partial<HandlerMap>,
    connect: (connection) => {
      uplink.connect(connection);
    },
    close: async () => {
      detach();
      uplink.close();
      await service.close();
      await uplink.idle();
    },
  };
}
