// The ingestion side: surveys post responses and declines. Respondents are matched by
// external id, then e-mail; a negative-band answer opens a follow-up with the due time and
// priority of the team's SLA policy.
import type { Decline, EndUser, Followup, SurveyResponse } from '../../common/api/records.js';
import type {
  IngestDeclineBody,
  IngestDeclineReply,
  IngestEndUser,
  IngestResponseBody,
  IngestResponseReply,
} from '../../common/api/ingestion.js';
import { followupIdFor } from '../../common/api/records.js';
import { newFollowup, opensFollowupOnIngest } from '../../common/api/mutation-effects.js';
import type { Store } from '../store/store.js';
import { SYSTEM_ACTOR, writeFollowupSteps, type FollowupStep } from './followup-writer.js';
import { canonicalJson, newId, sha256Hex } from './hashing.js';
import { ServiceError } from './service-error.js';
import { iso } from './clock.js';

/** Lets the demo generator script a follow-up's later history in the same write. */
export type FollowupScript = (opened: Followup) => readonly FollowupStep[];

export function recordNewRespondent(store: Store, respondent: EndUser, writtenAtMs: number): void {
  store.respondents.insertRespondent(respondent);
  store.changes.append({ kind: 'respondent', data: respondent }, writtenAtMs);
}

/**
 * Stores a response and, for the negative band, opens its follow-up (status new) with the due
 * time and priority of the team's SLA policy as it stands now.
 */
export function recordResponse(
  store: Store,
  response: SurveyResponse,
  ingestHash: string | null,
  writtenAtMs: number,
  script?: FollowupScript,
): Followup | null {
  store.respondents.insertResponse(response, ingestHash);
  store.changes.append({ kind: 'response', data: response }, writtenAtMs);
  if (!opensFollowupOnIngest(response)) return null;
  const opened = newFollowup(response, response.updated_at, store.settings.slaPolicy().policy);
  const steps: FollowupStep[] = [
    { followup: opened, events: [{ kind: 'created' }], actorId: SYSTEM_ACTOR, at: opened.created_at },
    ...(script?.(opened) ?? []),
  ];
  writeFollowupSteps(store, steps, writtenAtMs);
  return steps.at(-1)?.followup ?? null;
}

export function recordDecline(store: Store, decline: Decline, ingestHash: string | null, writtenAtMs: number): void {
  store.respondents.insertDecline(decline, ingestHash);
  store.changes.append({ kind: 'decline', data: decline }, writtenAtMs);
}

/** What a survey knows fills gaps in what we hold; properties merge, newest wins. */
function mergeRespondent(held: EndUser, sent: IngestEndUser, now: string): EndUser {
  const merged: EndUser = {
    ...held,
    email: held.email ?? sent.email,
    external_id: held.external_id ?? sent.external_id,
    name: sent.name ?? held.name,
    phone: sent.phone ?? held.phone,
    properties: { ...held.properties, ...sent.properties },
  };
  return canonicalJson(merged) === canonicalJson(held) ? held : { ...merged, updated_at: now };
}

function resolveRespondent(store: Store, sent: IngestEndUser, now: string, nowMs: number): EndUser {
  const held =
    sent.external_id === null && sent.email === null ? null : store.respondents.match(sent.external_id, sent.email);
  if (held === null) {
    const created: EndUser = {
      id: newId('eu'),
      ...sent,
      restricted: false,
      objected: false,
      created_at: now,
      updated_at: now,
    };
    recordNewRespondent(store, created, nowMs);
    return created;
  }
  const merged = mergeRespondent(held, sent, now);
  if (merged !== held) {
    store.respondents.updateRespondent(merged);
    store.changes.append({ kind: 'respondent', data: merged }, nowMs);
    store.changes.moveAfterRespondent(merged.id);
  }
  return merged;
}

function conflict(id: string): ServiceError {
  return new ServiceError(409, 'conflict', `Id ${id} was already ingested with a different payload.`);
}

function isKnownElsewhere(store: Store, id: string, as: 'response' | 'decline'): boolean {
  return as === 'response' ? store.respondents.decline(id) !== null : store.respondents.response(id) !== null;
}

export interface Ingested<T> {
  readonly reply: T;
  /** 201 when stored now, 200 for an idempotent retry. */
  readonly status: 200 | 201;
}

export function ingestResponse(store: Store, body: IngestResponseBody, now: Date): Ingested<IngestResponseReply> {
  const hash = sha256Hex(canonicalJson(body));
  return store.write(() => {
    if (body.id !== undefined) {
      const heldHash = store.respondents.responseIngestHash(body.id);
      if (heldHash !== undefined || isKnownElsewhere(store, body.id, 'response')) {
        const response = heldHash === hash ? store.respondents.response(body.id) : null;
        if (response === null) throw conflict(body.id);
        const followup = store.followups.get(followupIdFor(response.id));
        return { status: 200, reply: { response, followup, created: false } };
      }
    }
    const at = iso(now);
    const { id, end_user, created_at, ...fields } = body;
    const respondent = resolveRespondent(store, end_user, at, now.getTime());
    const response: SurveyResponse = {
      id: id ?? newId('r'),
      end_user_id: respondent.id,
      ...fields,
      created_at: iso(created_at ?? now),
      updated_at: at,
    };
    const followup = recordResponse(store, response, hash, now.getTime());
    return { status: 201, reply: { response, followup, created: true } };
  });
}

export function ingestDecline(store: Store, body: IngestDeclineBody, now: Date): Ingested<IngestDeclineReply> {
  const hash = sha256Hex(canonicalJson(body));
  return store.write(() => {
    if (body.id !== undefined) {
      const heldHash = store.respondents.declineIngestHash(body.id);
      if (heldHash !== undefined || isKnownElsewhere(store, body.id, 'decline')) {
        const decline = heldHash === hash ? store.respondents.decline(body.id) : null;
        if (decline === null) throw conflict(body.id);
        return { status: 200, reply: { decline, created: false } };
      }
    }
    const at = iso(now);
    const { id, end_user, created_at, ...fields } = body;
    const respondent = resolveRespondent(store, end_user, at, now.getTime());
    const decline: Decline = {
      id: id ?? newId('d'),
      end_user_id: respondent.id,
      ...fields,
      created_at: iso(created_at ?? now),
    };
    recordDecline(store, decline, hash, now.getTime());
    return { status: 201, reply: { decline, created: true } };
  });
}
