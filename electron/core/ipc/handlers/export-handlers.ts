// The export channels, over the ExportService (electron/core/export/export-service.ts).
import type { ExportService } from '../../export/export-service.js';
import type { HandlerMap } from '../handler-table.js';
import { explained } from './explained.js';

type ExportChannels = 'export:start' | 'export:next' | 'export:cancel';

export function exportHandlers(service: ExportService): Pick<HandlerMap, ExportChannels> {
  return {
    'export:start': (request) => explained(() => service.start(request)),
    'export:next': ({ exportId }) => explained(() => service.next(exportId)),
    'export:cancel': ({ exportId }) => explained(async () => ({ cancelled: await service.cancel(exportId) })),
  };
}
