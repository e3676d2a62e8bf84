// The server's storage: one SQLite connection (one writer; better-sqlite3 is synchronous, so
// a transaction never interleaves with another request) and the repositories over it.
import { openDatabase, type Db } from './database.js';
import { ChangeLog } from './change-log.js';
import { RespondentRepo } from './respondent-repo.js';
import { FollowupRepo } from './followup-repo.js';
import { StaffRepo } from './staff-repo.js';
import { AuditRepo } from './audit-repo.js';
import { MutationLog } from './mutation-log.js';
import { TeamSettingsRepo } from './team-settings-repo.js';

export class Store {
  readonly changes: ChangeLog;
  readonly respondents: RespondentRepo;
  readonly followups: FollowupRepo;
  readonly staff: StaffRepo;
  readonly audit: AuditRepo;
  readonly mutationLog: MutationLog;
  readonly settings: TeamSettingsRepo;
  readonly #commitListeners = new Set<() => void>();

  private constructor(readonly db: Db) {
    this.changes = new ChangeLog(db);
    this.respondents = new RespondentRepo(db);
    this.followups = new FollowupRepo(db);
    this.staff = new StaffRepo(db);
    this.audit = new AuditRepo(db);
    this.mutationLog = new MutationLog(db);
    this.settings = new TeamSettingsRepo(db);
  }

  /** null opens an in-memory database. */
  static open(file: string | null): Store {
    return new Store(openDatabase(file));
  }

  /**
   * Runs `fn` in one transaction. When it appended to the change log, commit listeners (the
   * SSE poke hub) hear about it after the commit, never before.
   */
  write<T>(fn: () => T): T {
    // A nested write is a savepoint inside the outer transaction, which settles for both.
    if (this.db.inTransaction) return this.db.transaction(fn)();
    let result: T;
    try {
      result = this.db.transaction(fn).immediate();
    } catch (error) {
      this.changes.settle(false);
      throw error;
    }
    if (this.changes.settle(true)) for (const listener of this.#commitListeners) listener();
    return result;
  }

  onCommit(listener: () => void): () => void {
    this.#commitListeners.add(listener);
    return () => this.#commitListeners.delete(listener);
  }

  /** Counts for logs and the demo banner. */
  counts(): {
    readonly respondents: number;
    readonly responses: number;
    readonly declines: number;
    readonly followups: number;
  } {
    const count = (table: string) => this.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
    return {
      respondents: count('respondents'),
      responses: count('responses'),
      declines: count('declines'),
      followups: count('followups'),
    };
  }

  isEmpty(): boolean {
    return this.db.prepare<[], number>('SELECT count(*) FROM staff').pluck().get() === 0;
  }

  close(): void {
    this.#commitListeners.clear();
    if (this.db.open) this.db.close();
  }
}
