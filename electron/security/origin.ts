// The one origin the renderer is served from. Everything that decides whether a page is ours
// (the protocol handler, sender-frame validation, navigation guards) reads these constants,
// so the origin cannot drift between them.
export const APP_SCHEME = 'app';
export const APP_HOST = 'loopdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on our app:// origin. Chromium canonicalises standard-scheme URLs (lower
 * case host, no default port), so an exact comparison of the parsed parts is enough; a URL
 * carrying credentials or a port is never one Loopdesk produced.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
