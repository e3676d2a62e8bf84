import { EventEmitter } from 'node:events';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { decideNavigation, hardenWebContents, type HardenableContents } from '../../../electron/security/navigation.js';

class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
}

function navigationEvent(url: string, isSameDocument = false) {
  return { url, isSameDocument, isMainFrame: true, preventDefault: vi.fn() };
}

function openDetails(url: string): HandlerDetails {
  return { url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'default' } };
}

function harden() {
  const contents = new FakeContents();
  const offerExternal = vi.fn();
  hardenWebContents(contents as unknown as HardenableContents, { offerExternal });
  return { contents, offerExternal };
}

describe('decideNavigation', () => {
  it('allows only same-document navigation', () => {
    expect(decideNavigation({ url: 'app://loopdesk/index.html#/queue', isSameDocument: true })).toBe('allow');
    expect(decideNavigation({ url: 'app://loopdesk/other.html', isSameDocument: false })).toBe('block');
    expect(decideNavigation({ url: 'file:///etc/passwd', isSameDocument: false })).toBe('block');
    expect(decideNavigation({ url: 'javascript:alert(1)', isSameDocument: false })).toBe('block');
    expect(decideNavigation({ url: 'https://example.com/', isSameDocument: false })).toBe('block-and-offer-external');
    expect(decideNavigation({ url: 'HTTP://example.com/', isSameDocument: false })).toBe('block-and-offer-external');
  });
});

describe('hardenWebContents', () => {
  it('blocks a navigation to a web page and offers it to the system browser', () => {
    const { contents, offerExternal } = harden();
    const event = navigationEvent('https://example.com/');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(offerExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('blocks other navigations silently and lets same-document ones through', () => {
    const { contents, offerExternal } = harden();
    const other = navigationEvent('file:///etc/passwd');
    contents.emit('will-navigate', other);
    expect(other.preventDefault).toHaveBeenCalled();
    const sameApp = navigationEvent('app://loopdesk/index.html');
    contents.emit('will-navigate', sameApp);
    expect(sameApp.preventDefault).toHaveBeenCalled();
    const hash = navigationEvent('app://loopdesk/index.html#/settings', true);
    contents.emit('will-navigate', hash);
    expect(hash.preventDefault).not.toHaveBeenCalled();
    expect(offerExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, offering only web links to the browser', () => {
    const { contents, offerExternal } = harden();
    expect(contents.openHandler?.(openDetails('https://example.com/'))).toEqual({ action: 'deny' });
    expect(offerExternal).toHaveBeenCalledWith('https://example.com/');
    for (const url of ['app://loopdesk/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank']) {
      expect(contents.openHandler?.(openDetails(url))).toEqual({ action: 'deny' });
    }
    expect(offerExternal).toHaveBeenCalledTimes(1);
  });

  it('prevents <webview> from attaching', () => {
    const { contents } = harden();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
