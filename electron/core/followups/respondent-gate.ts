// The contactability gate (common/domain/contactability.ts) for a response whose respondent
// row was read with it. Erased respondents have no row, only an erasures entry; a respondent
// not synced yet has neither, and reads as having no contact details until they arrive.
import { contactability, type NotContactableReason } from '../../../common/domain/contactability.js';

export interface RespondentGateRow {
  readonly email: string | null;
  readonly phone: string | null;
  readonly restricted: number | null;
  readonly objected: number | null;
  /** 1 when the erasures table names the respondent. */
  readonly erased: number;
}

/** SQL columns for RespondentGateRow, given the respondents alias `p` and the end-user id expression. */
export function gateColumns(endUserId: string): string {
  return `p.email AS email, p.phone AS phone, p.restricted AS restricted, p.objected AS objected,
    EXISTS (SELECT 1 FROM erasures e WHERE e.end_user_id = ${endUserId}) AS erased`;
}

export function notContactableReason(row: RespondentGateRow): NotContactableReason | null {
  const gate = contactability({
    answer: 'response',
    respondent:
      row.erased !== 0
        ? null
        : {
            email: row.email,
            phone: row.phone,
            restricted: row.restricted === 1,
            objected: row.objected === 1,
            erased: false,
          },
  });
  return gate.contactable ? null : gate.reason;
}
