// Links leave the app only to the system browser, only for http(s), and only after the user
// has seen the full address and agreed. Everything else (javascript:, file:, data:, custom
// schemes that would launch other programs) is refused outright.
import type { MessageBoxOptions } from 'electron';

export const MAX_EXTERNAL_URL_LENGTH = 2048;

export type ExternalUrlDecision =
  | { readonly allowed: true; readonly url: string }
  | { readonly allowed: false; readonly reason: 'unparseable' | 'scheme' | 'credentials' | 'too_long' };

/**
 * Decides whether a URL may be offered to the system browser. The answer's `url` is the
 * parsed, canonical form (an internationalised host shows as punycode, so a look-alike
 * domain is visible) and is what must be shown and opened. A URL with a user name or
 * password is refused: `https://bank.example@evil.example/` reads as the bank but is not.
 */
export function classifyExternalUrl(raw: string): ExternalUrlDecision {
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { allowed: false, reason: 'too_long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'unparseable' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { allowed: false, reason: 'scheme' };
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'credentials' };
  if (url.href.length > MAX_EXTERNAL_URL_LENGTH) return { allowed: false, reason: 'too_long' };
  return { allowed: true, url: url.href };
}

/** The confirmation dialog: the full address in the detail, Cancel as default and escape. */
export function externalLinkDialogOptions(url: string): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Open link in your browser?',
    message: 'Open this link in your web browser?',
    detail: url,
    buttons: ['Cancel', 'Open in Browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** The index of the "Open" button in externalLinkDialogOptions. */
export const OPEN_BUTTON_INDEX = 1;

export type ExternalOpenOutcome = 'opened' | 'declined' | 'refused' | 'busy' | 'failed';

export interface ExternalLinkDeps {
  /** Shows the confirmation (dialog.showMessageBox); resolves true when the user agreed. */
  confirm(url: string): Promise<boolean>;
  /** Opens the URL in the system browser (shell.openExternal). */
  open(url: string): Promise<void>;
  logError(context: string, error: unknown): void;
}

/**
 * Returns the function the navigation guards call with a link the page tried to follow.
 * One dialog at a time: a page that fires many window.open calls gets one question, not a
 * stack of them.
 */
export function createExternalLinkOpener(deps: ExternalLinkDeps): (rawUrl: string) => Promise<ExternalOpenOutcome> {
  let asking = false;
  return async (rawUrl) => {
    const decision = classifyExternalUrl(rawUrl);
    if (!decision.allowed) return 'refused';
    if (asking) return 'busy';
    asking = true;
    try {
      if (!(await deps.confirm(decision.url))) return 'declined';
      await deps.open(decision.url);
      return 'opened';
    } catch (error) {
      deps.logError('open external link', error);
      return 'failed';
    } finally {
      asking = false;
    }
  };
}
