// What the shared reducer (common/api/mutation-effects.ts) needs to know, read from the
// local cache instead of the server's store: the client applies a mutation optimistically
// with the same rules the server will apply, so the two agree whenever the cache is current.
import type { MutationActor, MutationContext } from '../../../../common/api/mutation-effects.js';
import { Staff, type SurveyResponse } from '../../../../common/api/records.js';
import { contactability } from '../../../../common/domain/contactability.js';
import { toInstant } from '../../db/codec.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
import { readSyncState, SYNC_KEYS } from './sync-state.js';

export type ResponseFacts = Pick<SurveyResponse, 'id' | 'end_user_id' | 'survey_type' | 'score' | 'created_at'>;

interface ResponseFactsRow extends Omit<ResponseFacts, 'created_at'> {
  readonly created_at: number;
}

/** The facts newFollowup() needs, or null when the response is not in the cache. */
export function readResponseFacts(db: Db, responseId: string): ResponseFacts | null {
  const row = prepareCached(
    db,
    'SELECT id, end_user_id, survey_type, score, created_at FROM responses WHERE id = ?',
  ).get(responseId) as ResponseFactsRow | undefined;
  return row === undefined ? null : { ...row, created_at: toInstant(row.created_at) };
}

/** The signed-in staff member (GET /v1/me), or null before the first sync. */
export function readActor(db: Db): MutationActor | null {
  const parsed = Staff.safeParse(readSyncState(db, SYNC_KEYS.me));
  return parsed.success ? { id: parsed.data.id, role: parsed.data.role } : null;
}

interface RespondentRow {
  readonly email: string | null;
  readonly phone: string | null;
  readonly restricted: number;
  readonly objected: number;
}

export function localMutationContext(
  db: Db,
  actor: MutationActor,
  response: Pick<ResponseFacts, 'end_user_id'>,
  now: string,
): MutationContext {
  const respondent = prepareCached(db, 'SELECT email, phone, restricted, objected FROM respondents WHERE id = ?').get(
    response.end_user_id,
  ) as RespondentRow | undefined;
  return {
    actor,
    now,
    // A respondent missing from the cache reads as erased: contact stays blocked until the
    // server says otherwise, never the reverse.
    contactability: contactability({
      answer: 'response',
      respondent:
        respondent === undefined
          ? null
          : {
              email: respondent.email,
              phone: respondent.phone,
              restricted: respondent.restricted !== 0,
              objected: respondent.objected !== 0,
              erased: false,
            },
    }),
    staffMember: (id) => {
      const active = prepareCached(db, 'SELECT active FROM staff WHERE id = ?', 'pluck').get(id) as number | undefined;
      return active === undefined ? null : { active: active !== 0 };
    },
    note: (id) =>
      (prepareCached(db, 'SELECT followup_id, author_id FROM notes WHERE id = ?').get(id) as
        { readonly followup_id: string; readonly author_id: string } | undefined) ?? null,
    contactExists: (id) => prepareCached(db, 'SELECT 1 FROM contact_log WHERE id = ?').get(id) !== undefined,
  };
}
