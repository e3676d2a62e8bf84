// Sends the export audit trail to the server (POST /v1/audit/exports), so that exports made
// offline still reach the server's record. Records wait in export_audit (written before the
// user gets the file) and go oldest first, each only to the server whose data it describes;
// retried with the sync engine's backoff (full jitter, 1 s → 60 s, Retry-After honoured) on
// network errors, 408, 429 and 5xx. A 401 waits for the next sign-in; any other refusal is
// final and kept locally with the server's reason. Each record carries its own id, so one
// sent twice (the reply lost) is recorded once.
import { ApiErrorBody } from '../../../common/api/errors.js';
import type { ExportAuditBody } from '../../../common/api/export-audit.js';
import { API_ROUTES } from '../../../common/api/routes.js';
import type { DatabaseClient } from '../db/database-client.js';
import { DEFAULT_BACKOFF, parseRetryAfter, retryDelay } from '../sync/backoff.js';
import { readConnectionConfig, serverIdentity } from '../session/connection-config.js';
import { apiUrl } from '../session/fetch-me.js';
import type { ApiConnection } from '../session/session-engine.js';

const BATCH = 20;
const TIMEOUT_MS = 30_000;

type Outcome = { readonly kind: 'sent' } | { readonly kind: 'refused'; readonly reason: string } | Retry;
interface Retry {
  readonly kind: 'retry' | 'signed_out';
  readonly reason: string;
  readonly retryAfterMs: number | null;
}

export interface AuditUplinkDeps {
  readonly database: () => DatabaseClient;
  readonly fetch: typeof fetch;
  readonly logError: (context: string, error: unknown) => void;
  readonly now?: () => number;
  readonly random?: () => number;
}

function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export class ExportAuditUplink {
  private connection: ApiConnection | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly deps: AuditUplinkDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** The session runs against this server now: send what waits for it. */
  connect(connection: ApiConnection): void {
    this.connection = connection;
    this.attempt = 0;
    this.nudge();
  }

  disconnect(): void {
    this.connection = null;
    this.clearTimer();
  }

  /** A record was written, or the connection came back: send soon (one run at a time). */
  nudge(): void {
    if (this.running !== null) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Resolves when the current run (if any) has finished: for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  close(): void {
    this.disconnect();
  }

  private async run(): Promise<void> {
    const connection = this.connection;
    if (connection === null) return;
    try {
      const db = this.deps.database();
      const server = serverIdentity(await readConnectionConfig(db));
      for (;;) {
        const pending = await db.call('exportPendingAudits', { server, limit: BATCH });
        if (pending.length === 0 || this.connection !== connection) return;
        for (const body of pending) {
          const outcome = await this.send(connection, body);
          if (outcome.kind === 'retry' || outcome.kind === 'signed_out') {
            await db.call('exportSettleAudit', {
              id: body.export_id,
              outcome: 'retry',
              at: this.now(),
              error: outcome.reason,
            });
            if (outcome.kind === 'retry') this.retryLater(outcome.retryAfterMs);
            return;
          }
          this.attempt = 0;
          await db.call('exportSettleAudit', {
            id: body.export_id,
            outcome: outcome.kind,
            at: this.now(),
            error: outcome.kind === 'refused' ? outcome.reason : null,
          });
        }
      }
    } catch (error) {
      // The vault locked, the database closed: the next connect or export tries again.
      this.deps.logError('export audit uplink', error);
    }
  }

  private async send(connection: ApiConnection, body: ExportAuditBody): Promise<Outcome> {
    let response: Response;
    try {
      response = await this.deps.fetch(apiUrl(connection.baseUrl, API_ROUTES.recordExport.path.slice(1)), {
        method: 'POST',
        headers: { authorization: `Bearer ${connection.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return { kind: 'retry', reason: 'The server cannot be reached.', retryAfterMs: null };
    }
    if (response.ok) return { kind: 'sent' };
    const parsed = ApiErrorBody.safeParse(await response.json().catch(() => null));
    const reason = parsed.success ? parsed.data.error.message : `The server answered ${response.status}.`;
    if (response.status === 401) return { kind: 'signed_out', reason, retryAfterMs: null };
    if (isRetryable(response.status)) {
      return { kind: 'retry', reason, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.now()) };
    }
    return { kind: 'refused', reason };
  }

  private retryLater(retryAfterMs: number | null): void {
    const delay = retryDelay(this.attempt, retryAfterMs, DEFAULT_BACKOFF, this.random);
    this.attempt += 1;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nudge();
    }, delay);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
