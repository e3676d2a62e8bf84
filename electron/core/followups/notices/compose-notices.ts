// The words of the notices: which follow-up ("Ingrid Olsen · NPS 3"), who did what and how
// long ago, in the audit trail's own phrases (common/followups/describe-event.ts). Many
// notices of one kind at once (back from a week off) become one summary.
import type { FollowupEventData } from '../../../../common/api/records.js';
import type { NoticeKind } from '../../../../common/ipc/channels/followups.js';
import { agoText } from '../../../../common/followups/ago.js';
import { describeEvent } from '../../../../common/followups/describe-event.js';
import { SYSTEM_ACTOR_ID, SYSTEM_ACTOR_NAME } from '../../../../common/followups/labels.js';
import { bandLabel, METRIC_LABELS, type SurveyType } from '../../../../common/domain/metrics.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';

export type NoticeFacts =
  | {
      readonly kind: 'assigned' | 'overridden';
      readonly responseId: string;
      readonly actorId: string;
      readonly at: number;
      readonly data: FollowupEventData;
    }
  | {
      readonly kind: 'conflict';
      readonly responseId: string;
      readonly actorId: string;
      readonly at: number;
      readonly data: FollowupEventData;
      /** The server's sentence for the refused change. */
      readonly reason: string;
    }
  | { readonly kind: 'overdue'; readonly responseId: string; readonly at: number };

export interface NoticeDraft {
  readonly kind: NoticeKind;
  readonly title: string;
  readonly body: string;
  readonly responseId: string | null;
  /** Worth a desktop notification (issue §8): assigned to me, mine overdue. */
  readonly desktop: boolean;
}

/** More notices of one kind than this at once are summed up in one. */
export const MAX_SINGLE_NOTICES = 3;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Lookup {
  readonly name: (staffId: string) => string;
  readonly label: (responseId: string) => { readonly label: string; readonly excerpt: string | null };
}

function lookup(db: Db, me: string): Lookup {
  return {
    name: (staffId) => {
      if (staffId === me) return 'you';
      if (staffId === SYSTEM_ACTOR_ID) return SYSTEM_ACTOR_NAME;
      return (
        (prepareCached(db, 'SELECT name FROM staff WHERE id = ?', 'pluck').get(staffId) as string | undefined) ??
        'A colleague'
      );
    },
    label: (responseId) => {
      const row = prepareCached(
        db,
        `SELECT r.survey_type, r.score, substr(r.text, 1, 120) AS excerpt, p.name, p.external_id
           FROM responses r LEFT JOIN respondents p ON p.id = r.end_user_id WHERE r.id = ?`,
      ).get(responseId) as
        | {
            survey_type: SurveyType;
            score: number;
            excerpt: string | null;
            name: string | null;
            external_id: string | null;
          }
        | undefined;
      if (row === undefined) return { label: 'A follow-up', excerpt: null };
      const who = row.name ?? row.external_id ?? 'A respondent';
      const score = `${METRIC_LABELS[row.survey_type]} ${row.score} (${bandLabel(row.survey_type, row.score)})`;
      const excerpt = row.excerpt === null || row.excerpt.trim() === '' ? null : row.excerpt.trim();
      return { label: `${who} · ${score}`, excerpt };
    },
  };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quotedExcerpt(excerpt: string | null): string {
  if (excerpt === null) return '';
  return ` — “${excerpt.length > 100 ? `${excerpt.slice(0, 100).trimEnd()}…` : excerpt}”`;
}

/** A notice names the change; the audit trail has all of it (a whole message, say). */
const MAX_PHRASE_CHARS = 160;

function phrase(l: Lookup, actorId: string, data: FollowupEventData): string {
  const text = `${l.name(actorId)} ${describeEvent(data, {
    actorId,
    nameOf: l.name,
    formatInstant: (iso) => dateTime.format(Date.parse(iso)),
  })}`;
  if (text.length <= MAX_PHRASE_CHARS) return text;
  const cut = `${text.slice(0, MAX_PHRASE_CHARS - 1).replace(/[\s,;:]+$/, '')}…`;
  // A quotation cut short still closes.
  return cut.lastIndexOf('“') > cut.lastIndexOf('”') ? `${cut}”` : cut;
}

function single(l: Lookup, fact: NoticeFacts, nowMs: number): NoticeDraft {
  const { label, excerpt } = l.label(fact.responseId);
  switch (fact.kind) {
    case 'assigned':
      return {
        kind: 'assigned',
        title: `${capitalized(l.name(fact.actorId))} assigned you a follow-up`,
        body: `${label}${quotedExcerpt(excerpt)}`,
        responseId: fact.responseId,
        desktop: true,
      };
    case 'overdue':
      return {
        kind: 'overdue',
        title: 'A follow-up of yours is overdue',
        body: `${label} — first contact was due ${dateTime.format(fact.at)}.`,
        responseId: fact.responseId,
        desktop: true,
      };
    case 'overridden':
      return {
        kind: 'overridden',
        title: 'A colleague changed your follow-up',
        body: `${label}: ${capitalized(agoText(nowMs - fact.at))}, ${phrase(l, fact.actorId, fact.data)}.`,
        responseId: fact.responseId,
        desktop: false,
      };
    case 'conflict':
      return {
        kind: 'conflict',
        title: 'Your change was undone',
        body: `${label}: ${fact.reason} ${capitalized(agoText(nowMs - fact.at))}, ${phrase(l, fact.actorId, fact.data)}.`,
        responseId: fact.responseId,
        desktop: false,
      };
  }
}

function summary(l: Lookup, kind: 'assigned' | 'overdue', facts: readonly NoticeFacts[]): NoticeDraft {
  if (kind === 'overdue') {
    return {
      kind,
      title: `${facts.length} of your follow-ups became overdue`,
      body: 'The Follow-ups section lists them, soonest due first.',
      responseId: null,
      desktop: true,
    };
  }
  const names = [...new Set(facts.map((f) => ('actorId' in f ? l.name(f.actorId) : '')).filter((n) => n !== ''))];
  return {
    kind,
    title: `${facts.length} follow-ups were assigned to you`,
    body: `By ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? 'colleagues')}.`,
    responseId: null,
    desktop: true,
  };
}

export function composeNotices(db: Db, me: string, facts: readonly NoticeFacts[], nowMs: number): NoticeDraft[] {
  const l = lookup(db, me);
  const drafts: NoticeDraft[] = [];
  for (const kind of ['assigned', 'overdue'] as const) {
    const ofKind = facts.filter((f) => f.kind === kind);
    if (ofKind.length > MAX_SINGLE_NOTICES) drafts.push(summary(l, kind, ofKind));
    else drafts.push(...ofKind.map((f) => single(l, f, nowMs)));
  }
  drafts.push(...facts.filter((f) => f.kind === 'overridden' || f.kind === 'conflict').map((f) => single(l, f, nowMs)));
  return drafts;
}
