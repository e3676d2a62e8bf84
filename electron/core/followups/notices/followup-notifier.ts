// Runs the notice rules (notice-rules.ts) when a sync has just completed and once a minute
// (a follow-up becomes overdue without any change arriving), then tells the user: every
// notice goes to the window as a 'followups:notice' event (a toast), and those worth it —
// assigned to me, mine overdue — to the shell's desktop notifier when it has one.
import type { FollowupNotice } from '../../../../common/ipc/channels/followups.js';
import type { DatabaseClient } from '../../db/database-client.js';
import type { EventBus } from '../../events.js';
import type { RejectedMutation } from './notice-rules.js';

export const NOTICE_CHECK_INTERVAL_MS = 60_000;

export interface FollowupNotifierOptions {
  /** The open cache; throws while the vault is locked (the check is then skipped). */
  readonly database: () => DatabaseClient;
  readonly events: EventBus;
  /** The shell's desktop notification; absent in browser mode, where the window shows a toast. */
  readonly notify?: (title: string, body: string) => void;
  readonly logError: (context: string, error: unknown) => void;
  readonly now?: () => number;
  readonly intervalMs?: number;
}

export class FollowupNotifier {
  private readonly now: () => number;
  private rejections: RejectedMutation[] = [];
  private syncIdle = false;
  private running: Promise<void> | null = null;
  /** Checks asked for so far: a request during a check makes the loop run once more. */
  private requested = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private disconnect: (() => void) | null = null;
  private sequence = 0;

  constructor(private readonly options: FollowupNotifierOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.disconnect !== null) return;
    this.disconnect = this.options.events.connect((event, payload) => {
      if (event === 'sync:status') {
        // Only after a completed sync: mid-download, the history arriving is not news.
        this.syncIdle = (payload as { phase: string }).phase === 'idle';
        if (this.syncIdle) void this.check();
      } else if (event === 'mutation:rejected') {
        const { responseId, reason, rejectedAt } = payload as RejectedMutation;
        this.rejections.push({ responseId, reason, rejectedAt });
      }
    });
    this.timer = setInterval(() => {
      if (this.syncIdle) void this.check();
    }, this.options.intervalMs ?? NOTICE_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.disconnect?.();
    this.disconnect = null;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One check at a time; a request during a check runs once more after it. */
  check(): Promise<void> {
    this.requested += 1;
    this.running ??= this.runChecks().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runChecks(): Promise<void> {
    let done = 0;
    while (done !== this.requested) {
      done = this.requested;
      await this.checkOnce();
    }
  }

  private async checkOnce(): Promise<void> {
    let db: DatabaseClient;
    try {
      db = this.options.database();
    } catch {
      return; // Locked: nothing to look at.
    }
    const rejections = this.rejections;
    this.rejections = [];
    const nowMs = this.now();
    try {
      const drafts = await db.call('followupsCheckNotices', { nowMs, rejections });
      const notify = this.options.notify;
      for (const draft of drafts) {
        const onDesktop = draft.desktop && notify !== undefined;
        if (onDesktop) notify(draft.title, draft.body);
        this.sequence += 1;
        const notice: FollowupNotice = {
          id: `${nowMs}-${this.sequence}`,
          kind: draft.kind,
          title: draft.title,
          body: draft.body,
          responseId: draft.responseId,
          at: nowMs,
          onDesktop,
        };
        this.options.events.emit('followups:notice', notice);
      }
    } catch (error) {
      this.options.logError('follow-up notices', error);
    }
  }
}
