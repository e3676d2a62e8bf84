import type { HandlerMap } from '../handler-table.js';
import type { SessionManager } from '../../session/session-manager.js';

type SessionChannels = 'session:status' | 'session:use-demo' | 'session:connect-api';

export function sessionHandlers(session: SessionManager): Pick<HandlerMap, SessionChannels> {
  return {
    'session:status': () => session.status(),
    'session:use-demo': ({ staffId }) => session.useDemo(staffId),
    'session:connect-api': ({ baseUrl, token }) => session.connectApi(baseUrl, token),
  };
}
