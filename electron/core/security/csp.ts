// The renderer's Content-Security-Policy, shared by the Electron protocol handler and the
// browser-mode host so both shells enforce the same rules: no inline or remote script, no
// plugins, no framing, no form posts. Only the browser-mode socket widens connect-src.
export interface CspOptions {
  /** Extra connect-src sources, e.g. the browser-mode WebSocket origin `ws://127.0.0.1:*`. */
  readonly connectSrc?: readonly string[];
}

// A source is one token: whitespace, ';' or ',' would let a caller smuggle in a directive
// (or split the header), and quotes would let it add keywords such as 'unsafe-inline'.
const SOURCE_TOKEN = /^[^\s;,'"]+$/;

export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const extra = options.connectSrc ?? [];
  for (const source of extra) {
    if (!SOURCE_TOKEN.test(source)) {
      throw new Error(`Refusing CSP connect-src source ${JSON.stringify(source)}: it must be one plain source token`);
    }
  }
  const directives: readonly (readonly [string, readonly string[]])[] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...extra]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
