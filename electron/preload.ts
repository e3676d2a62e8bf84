// The sandboxed preload: exposes window.loopdesk (common/ipc/bridge.ts RawBridge) and
// nothing else. No ipcRenderer, no Node object and no IpcRendererEvent reaches the page;
// the policy lives in security/bridge-policy.ts where it is unit-tested. Bundled to
// dist/node/preload.cjs; it may import only 'electron' at run time (sandbox require()).
import { contextBridge, ipcRenderer } from 'electron';
import { createRawBridge, parseAllowListArguments } from './security/bridge-policy.js';

const bridge = createRawBridge(ipcRenderer, parseAllowListArguments(process.argv));

contextBridge.exposeInMainWorld('loopdesk', {
  invoke: (channel: string, request: unknown) => bridge.invoke(channel, request),
  subscribe: (event: string, listener: (payload: unknown) => void) => bridge.subscribe(event, listener),
});
