// Guards applied to every webContents the app creates (app 'web-contents-created'): the
// page can never navigate away from itself, never open a window, never attach a <webview>.
// A link to an http(s) site is instead handed to `offerExternal`, which asks the user first.
import type { WebContents } from 'electron';

export type NavigationDecision = 'allow' | 'block' | 'block-and-offer-external';

export interface NavigationTarget {
  readonly url: string;
  readonly isSameDocument: boolean;
}

/**
 * Only same-document navigations (fragment changes, history.pushState) are allowed; the app
 * is one document, so any real navigation — even to another app:// page — is a bug or an
 * attack. An http(s) target is what a user clicking a plain link meant to open elsewhere.
 */
export function decideNavigation(target: NavigationTarget): NavigationDecision {
  if (target.isSameDocument) return 'allow';
  return isWebUrl(target.url) ? 'block-and-offer-external' : 'block';
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface NavigationGuardOptions {
  /** Called (not awaited) with an http(s) URL the page tried to open; asks, then opens. */
  readonly offerExternal: (url: string) => void;
}

export function hardenWebContents(contents: HardenableContents, options: NavigationGuardOptions): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event);
    switch (decision) {
      case 'allow':
        return;
      case 'block':
        event.preventDefault();
        return;
      case 'block-and-offer-external':
        event.preventDefault();
        options.offerExternal(event.url);
        return;
    }
  });

  // window.open and target=_blank never create a window; a web link may go to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) options.offerExternal(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
