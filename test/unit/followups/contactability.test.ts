// The contactability gate for every privacy flag (DESIGN.md "Privacy"), alone and through
// every mutation that contacts the respondent: log_contact, mark_done with a message, and
// mark_informed by message. Telling them directly, notes and everything else stay possible.
import { describe, expect, it } from 'vitest';
import {
  contactability,
  NOT_CONTACTABLE_REASONS,
  notContactableMessage,
  type ContactabilityInput,
  type NotContactableReason,
} from '../../../common/domain/contactability.js';
import { apply, context, CONTACT, followupIn } from './support.js';

const REACHABLE = { email: 'a@example.com', phone: null, restricted: false, objected: false, erased: false };

/** One input per reason: only that flag set on an otherwise reachable respondent. */
const ONLY: Readonly<Record<NotContactableReason, ContactabilityInput>> = {
  erased: { answer: 'response', respondent: null },
  objected: { answer: 'response', respondent: { ...REACHABLE, objected: true } },
  restricted: { answer: 'response', respondent: { ...REACHABLE, restricted: true } },
  declined: { answer: 'decline', respondent: REACHABLE },
  no_contact_details: { answer: 'response', respondent: { ...REACHABLE, email: null } },
};

describe('the contactability gate', () => {
  it('lets a respondent who answered and can be reached be contacted, by e-mail or by phone', () => {
    expect(contactability({ answer: 'response', respondent: REACHABLE })).toEqual({ contactable: true });
    expect(
      contactability({ answer: 'response', respondent: { ...REACHABLE, email: null, phone: '+46 8 123' } }),
    ).toEqual({ contactable: true });
  });

  it.each(NOT_CONTACTABLE_REASONS)('blocks contact when %s', (reason) => {
    expect(contactability(ONLY[reason])).toEqual({ contactable: false, reason });
    expect(notContactableMessage(reason).length).toBeGreaterThan(20);
  });

  it('treats an erased flag on a still-present record like a missing respondent', () => {
    expect(contactability({ answer: 'response', respondent: { ...REACHABLE, erased: true } })).toEqual({
      contactable: false,
      reason: 'erased',
    });
  });

  it('names the strongest reason when several apply: erased, objected, restricted, declined, no details', () => {
    const everything: ContactabilityInput = {
      answer: 'decline',
      respondent: { email: null, phone: null, restricted: true, objected: true, erased: false },
    };
    expect(contactability(everything)).toMatchObject({ reason: 'objected' });
    expect(contactability({ ...everything, respondent: { ...everything.respondent!, objected: false } })).toMatchObject(
      {
        reason: 'restricted',
      },
    );
    expect(
      contactability({ ...everything, respondent: { ...everything.respondent!, objected: false, restricted: false } }),
    ).toMatchObject({ reason: 'declined' });
  });
});

describe('the gate in the shared reducer', () => {
  it.each(NOT_CONTACTABLE_REASONS)('%s: no contact log, no message, but the rest of the work goes on', (reason) => {
    const ctx = context({ contactable: false, reason });
    const blocked = { ok: false, code: 'not_contactable' };
    expect(apply(followupIn('assigned'), 'log_contact', CONTACT, ctx)).toMatchObject(blocked);
    expect(
      apply(
        followupIn('in_progress'),
        'mark_done',
        { action_summary: 'Fixed', root_causes: ['bug'], inform: { message: 'Fixed!', language: 'en' } },
        ctx,
      ),
    ).toMatchObject(blocked);
    expect(apply(followupIn('done'), 'mark_informed', { how: 'message', message: 'Fixed!' }, ctx)).toMatchObject(
      blocked,
    );
    const refusal = apply(followupIn('assigned'), 'log_contact', CONTACT, ctx);
    if (!refusal.ok) expect(refusal.reason).toContain(notContactableMessage(reason));

    // Not contact: still allowed.
    expect(
      apply(followupIn('in_progress'), 'mark_done', { action_summary: 'Fixed', root_causes: ['bug'] }, ctx),
    ).toMatchObject({
      ok: true,
    });
    expect(apply(followupIn('done'), 'mark_informed', { how: 'direct' }, ctx)).toMatchObject({ ok: true });
    expect(apply(followupIn('new'), 'assign', { assignee_id: 'st_me' }, ctx)).toMatchObject({ ok: true });
    expect(apply(followupIn('assigned'), 'add_note', { note_id: 'n_new', text: 'Cannot call' }, ctx)).toMatchObject({
      ok: true,
    });
    expect(
      apply(followupIn('assigned'), 'set_status', { status: 'closed_no_action', reason: 'Objected' }, ctx),
    ).toMatchObject({ ok: true });
  });
});
