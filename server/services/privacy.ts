// Respondents' rights (DESIGN.md "Privacy"). Every action is written to the audit trail,
// attributed to the staff member, in the same transaction as its effect.
import type { EndUser, Staff } from '../../common/api/records.js';
import type {
  ErasureBody,
  ErasureReply,
  ObjectionBody,
  RectificationBody,
  RespondentExport,
  RestrictionBody,
} from '../../common/api/privacy.js';
import type { Store } from '../store/store.js';
import { forbidden, notFound } from './service-error.js';
import { iso } from './clock.js';

function heldRespondent(store: Store, id: string): EndUser {
  const respondent = store.respondents.respondent(id);
  if (respondent === null) throw notFound(`Respondent ${id}`);
  return respondent;
}

/** Writes the new state and moves the respondent's other changes after it in the feed. */
function publish(store: Store, respondent: EndUser, nowMs: number): void {
  store.respondents.updateRespondent(respondent);
  store.changes.append({ kind: 'respondent', data: respondent }, nowMs);
  store.changes.moveAfterRespondent(respondent.id);
}

export function rectify(store: Store, actor: Staff, id: string, body: RectificationBody, now: Date): EndUser {
  return store.write(() => {
    const held = heldRespondent(store, id);
    const { reason, ...fields } = body;
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== undefined);
    const next: EndUser = { ...held, updated_at: iso(now) };
    for (const key of changed) Object.assign(next, { [key]: fields[key] });
    publish(store, next, now.getTime());
    store.audit.record(actor.id, 'rectification', id, iso(now), { fields: changed, reason });
    return next;
  });
}

type Flag = 'restricted' | 'objected';

function setFlag(
  store: Store,
  actor: Staff,
  id: string,
  flag: Flag,
  value: boolean,
  reason: string | null,
  now: Date,
): EndUser {
  return store.write(() => {
    const held = heldRespondent(store, id);
    if (!value && held[flag] && actor.role !== 'manager') {
      throw forbidden(
        flag === 'restricted'
          ? 'Only a manager can lift a restriction of processing.'
          : 'Only a manager can withdraw an objection.',
      );
    }
    const action = flag === 'restricted' ? 'restriction' : 'objection';
    store.audit.record(actor.id, action, id, iso(now), { [flag]: value, reason });
    if (held[flag] === value) return held;
    const next: EndUser = { ...held, [flag]: value, updated_at: iso(now) };
    publish(store, next, now.getTime());
    return next;
  });
}

export function setRestriction(store: Store, actor: Staff, id: string, body: RestrictionBody, now: Date): EndUser {
  return setFlag(store, actor, id, 'restricted', body.restricted, body.reason, now);
}

export function setObjection(store: Store, actor: Staff, id: string, body: ObjectionBody, now: Date): EndUser {
  return setFlag(store, actor, id, 'objected', body.objected, body.reason, now);
}

export function erase(store: Store, actor: Staff, id: string, body: ErasureBody, now: Date): ErasureReply {
  return store.write(() => {
    heldRespondent(store, id);
    const followups = store.followups.followupsOf(id).length;
    const { responses, declines } = store.respondents.deleteRespondent(id);
    store.changes.removeEndUser(id);
    const erasure = { end_user_id: id, erased_at: iso(now) };
    store.changes.append({ kind: 'erasure', data: erasure }, now.getTime());
    store.audit.record(actor.id, 'erasure', id, iso(now), { reason: body.reason, responses, declines, followups });
    return { erasure, deleted: { responses, declines, followups } };
  });
}

/** Access and portability. The export is audited before it is read, so it lists itself. */
export function exportRespondent(store: Store, actor: Staff, id: string, now: Date): RespondentExport {
  return store.write(() => {
    const respondent = heldRespondent(store, id);
    store.audit.record(actor.id, 'export', id, iso(now), {});
    return {
      exported_at: iso(now),
      exported_by: actor.id,
      respondent,
      responses: store.respondents.responsesOf(id),
      declines: store.respondents.declinesOf(id),
      followups: store.followups
        .followupsOf(id)
        .map((followup) => ({ followup, events: store.followups.eventsOf(followup.id) })),
      notifications: store.followups.notifications({ end_user_id: id, limit: 100_000 }),
      audit: store.audit.list(id, 100_000),
    };
  });
}
