import { describe, expect, it } from 'vitest';
import { isTrustedSender, type FrameLike, type TrustedContentsLike } from '../../../electron/security/sender.js';
import { APP_ENTRY_URL } from '../../../electron/security/origin.js';

function frame(overrides: Partial<FrameLike> = {}): FrameLike {
  return { url: APP_ENTRY_URL, parent: null, processId: 7, frameToken: 'main-token', detached: false, ...overrides };
}

const mainFrame = frame();
const contents: TrustedContentsLike = { id: 1, mainFrame };

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on app://loopdesk', () => {
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: mainFrame }, contents)).toBe(true);
    // A different JS object for the same frame is still that frame.
    expect(
      isTrustedSender({ sender: { id: 1 }, senderFrame: frame({ url: 'app://loopdesk/#/queue' }) }, contents),
    ).toBe(true);
  });

  it('refuses a null sender frame (navigated away or destroyed)', () => {
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: null }, contents)).toBe(false);
  });

  it('refuses when there is no window', () => {
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: mainFrame }, null)).toBe(false);
  });

  it('refuses a subframe, even one on our origin', () => {
    const sub = frame({ parent: mainFrame, frameToken: 'sub-token' });
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: sub }, contents)).toBe(false);
    // A subframe claiming the main frame's token is still not a main frame.
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: frame({ parent: mainFrame }) }, contents)).toBe(false);
  });

  it('refuses a top-level frame that is not our window’s main frame', () => {
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: frame({ frameToken: 'other' }) }, contents)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: frame({ processId: 8 }) }, contents)).toBe(false);
  });

  it('refuses another webContents', () => {
    expect(isTrustedSender({ sender: { id: 2 }, senderFrame: mainFrame }, contents)).toBe(false);
  });

  it('refuses a detached frame', () => {
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: frame({ detached: true }) }, contents)).toBe(false);
  });

  it.each([
    'file:///opt/Loopdesk/resources/app.asar/dist/renderer/index.html',
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'app://evil/index.html',
    'app://loopdesk.evil/index.html',
    'app://loopdesk:8080/index.html',
    'app://user@loopdesk/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses our main frame when it shows %j', (url) => {
    const moved = frame({ url });
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: moved }, { id: 1, mainFrame: moved })).toBe(false);
  });
});
