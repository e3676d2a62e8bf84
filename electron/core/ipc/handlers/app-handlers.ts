import type { HandlerMap } from '../handler-table.js';
import type { ShellServices } from '../../app/shell-services.js';

type AppChannels = 'app:info' | 'app:ping' | 'app:open-external';

export function appHandlers(shell: ShellServices, isDemo: () => boolean): Pick<HandlerMap, AppChannels> {
  return {
    'app:info': () => ({
      version: shell.version,
      shell: shell.kind,
      platform: shell.platform,
      demo: isDemo(),
    }),
    'app:ping': ({ sentAt }) => ({ sentAt, repliedAt: Date.now() }),
    'app:open-external': async ({ url }) => ({ opened: await shell.openExternal(url) }),
  };
}
