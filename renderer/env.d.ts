// Vite bundles CSS imports; TypeScript only needs to know they exist.
declare module '*.css';

import type { RawBridge } from '../common/ipc/bridge.js';

declare global {
  interface Window {
    /** Present in Electron (exposed by the preload); absent in browser mode. */
    readonly loopdesk?: RawBridge;
  }
}
