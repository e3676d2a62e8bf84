// Team-wide settings (migration 003): the SLA policy the server opens follow-ups with.
import type { SlaPolicyReply } from '../../common/api/sla-policy.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../common/domain/sla.js';
import { SlaPolicySchema } from '../../common/followups/sla-policy.js';
import type { Db } from './database.js';
import { writeJson } from './json-columns.js';

const SLA_POLICY = 'sla_policy';

interface SettingRow {
  readonly value: string;
  readonly updated_at: string;
  readonly updated_by: string;
}

const DEFAULT_REPLY: SlaPolicyReply = { policy: DEFAULT_SLA_POLICY, updated_at: null, updated_by: null };

export class TeamSettingsRepo {
  readonly #get;
  readonly #put;
  /**
   * The last row read and what it parsed to. Ingestion asks for the policy once per follow-up
   * it opens (a demo bootstrap: hundreds of thousands), so only the point lookup is repeated;
   * comparing the row rather than caching blindly keeps it right across rolled-back writes.
   */
  #parsed: { readonly row: SettingRow; readonly reply: SlaPolicyReply } | null = null;

  constructor(db: Db) {
    this.#get = db.prepare<[string], SettingRow>(
      'SELECT value, updated_at, updated_by FROM team_settings WHERE key = ?',
    );
    this.#put = db.prepare<[string, string, string, string]>(
      `INSERT INTO team_settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    );
  }

  /** The team's policy, or the default (with null updated_at/by) while none has been set. */
  slaPolicy(): SlaPolicyReply {
    const row = this.#get.get(SLA_POLICY);
    if (row === undefined) return DEFAULT_REPLY;
    const held = this.#parsed;
    if (
      held?.row.value === row.value &&
      held.row.updated_at === row.updated_at &&
      held.row.updated_by === row.updated_by
    ) {
      return held.reply;
    }
    // Written by setSlaPolicy after validation; a row this version cannot read means the default.
    const parsed = SlaPolicySchema.safeParse(JSON.parse(row.value));
    const reply: SlaPolicyReply = parsed.success
      ? { policy: parsed.data, updated_at: row.updated_at, updated_by: row.updated_by }
      : DEFAULT_REPLY;
    this.#parsed = { row, reply };
    return reply;
  }

  setSlaPolicy(policy: SlaPolicy, staffId: string, at: string): SlaPolicyReply {
    this.#put.run(SLA_POLICY, writeJson(policy), at, staffId);
    return { policy, updated_at: at, updated_by: staffId };
  }
}
