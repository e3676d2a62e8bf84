// Checks an API address and token before the app switches to them, so a typo gets a clear
// message instead of a cache wiped for a server that does not answer.
import { MeReply } from '../../../common/api/staff.js';
import type { SessionPerson } from '../../../common/ipc/channels/session.js';
import { IpcFailure } from '../ipc/handler-table.js';

const TIMEOUT_MS = 10_000;

export function apiUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}

export async function fetchMe(fetchFn: typeof fetch, baseUrl: string, token: string): Promise<SessionPerson> {
  let response: Response;
  try {
    response = await fetchFn(apiUrl(baseUrl, 'v1/me'), {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new IpcFailure('unavailable', `Could not reach ${baseUrl}. Check the address and your network.`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new IpcFailure('forbidden', 'The API refused this token. Ask your administrator for a new one.');
  }
  if (!response.ok) {
    throw new IpcFailure('unavailable', `The API answered ${response.status}. Try again later.`);
  }
  const parsed = MeReply.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    throw new IpcFailure('unavailable', `${baseUrl} does not look like a Loopdesk ingestion API (v1).`);
  }
  const me = parsed.data;
  return { id: me.id, name: me.name, role: me.role };
}
