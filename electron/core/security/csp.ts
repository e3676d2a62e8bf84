// The renderer's Content-Security-Policy, shared by the Electron protocol handler and the
// browser-mode host so both shells enforce the same rules: no inline or remote script, no
// plugins, no framing, no form posts. Only the browser-mode socket widens connect-src.
export interface CspOptions {
  /** Extra connect-src sources, e.g. the browser-mode WebSocket origin. */
  readonly connectSrc?: readonly string[];
}

export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const directives: readonly (readonly [string, readonly string[]])[] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...(options.connectSrc ?? [])]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
