// Valid records of the ingestion API, built through the zod schemas so that the writers
// are tested with exactly what the sync engine will hand them.
import { Change } from '../../../../common/api/changes.js';
import {
  Decline,
  EndUser,
  Followup,
  FollowupEvent,
  followupIdFor,
  Staff,
  SurveyResponse,
  type FollowupEventData,
} from '../../../../common/api/records.js';

const T0 = Date.parse('2025-03-01T09:00:00.000Z');
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

export function respondent(id: string, overrides: Partial<EndUser> = {}): EndUser {
  return EndUser.parse({
    id,
    email: `${id}@example.com`,
    external_id: `ext-${id}`,
    name: `Name of ${id}`,
    phone: '+33 1 23 45 67 89',
    properties: { plan: 'pro', seats: 12, trial: false },
    restricted: false,
    objected: false,
    created_at: at(0),
    updated_at: at(0),
    ...overrides,
  });
}

export function response(id: string, endUserId: string, overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return SurveyResponse.parse({
    id,
    end_user_id: endUserId,
    survey_type: 'nps',
    score: 3,
    text: `Comment of ${id}`,
    origin_url: 'https://app.example.com/settings',
    channel: 'in_app',
    product: 'Loopdesk Cloud',
    company: 'Acme',
    country: 'FR',
    language: 'fr',
    tags: ['billing'],
    excluded_from_calculations: false,
    created_at: at(1),
    updated_at: at(1),
    ...overrides,
  });
}

export function decline(id: string, endUserId: string, overrides: Partial<Decline> = {}): Decline {
  return Decline.parse({
    id,
    end_user_id: endUserId,
    survey_type: 'csat',
    channel: 'email',
    product: 'Loopdesk Cloud',
    origin_url: null,
    created_at: at(2),
    ...overrides,
  });
}

export function followup(responseId: string, endUserId: string, overrides: Partial<Followup> = {}): Followup {
  return Followup.parse({
    id: followupIdFor(responseId),
    response_id: responseId,
    end_user_id: endUserId,
    status: 'assigned',
    assignee_id: 'staff-1',
    priority: 'high',
    due_at: at(60 * 48),
    first_contact_at: null,
    done_at: null,
    informed_at: null,
    closed_reason: null,
    action_summary: null,
    root_causes: [],
    tags: ['vip'],
    version: 2,
    created_at: at(3),
    updated_at: at(4),
    ...overrides,
  });
}

export function event(id: string, responseId: string, data: FollowupEventData, minutes = 5): FollowupEvent {
  return FollowupEvent.parse({
    id,
    followup_id: followupIdFor(responseId),
    actor_id: 'staff-1',
    at: at(minutes),
    data,
  });
}

export function staff(id: string, overrides: Partial<Staff> = {}): Staff {
  return Staff.parse({
    id,
    name: `Agent ${id}`,
    email: `${id}@loopdesk.test`,
    role: 'agent',
    active: true,
    ...overrides,
  });
}

/** Everything about one respondent: the kinds of the feed, in a plausible order. */
export function respondentStory(endUserId: string, responseId: string): Change[] {
  return [
    { kind: 'respondent', data: respondent(endUserId) },
    { kind: 'response', data: response(responseId, endUserId) },
    { kind: 'decline', data: decline(`${responseId}-decline`, endUserId) },
    { kind: 'followup', data: followup(responseId, endUserId) },
    { kind: 'followup_event', data: event(`${responseId}-e1`, responseId, { kind: 'created' }) },
    {
      kind: 'followup_event',
      data: event(`${responseId}-e2`, responseId, {
        kind: 'contact_logged',
        contact_id: `${responseId}-c1`,
        contact: {
          channel: 'phone',
          direction: 'outbound',
          outcome: 'reached',
          note: `Called ${endUserId} about the invoice`,
          contacted_at: at(6),
        },
      }),
    },
    {
      kind: 'followup_event',
      data: event(`${responseId}-e3`, responseId, {
        kind: 'note_added',
        note_id: `${responseId}-n1`,
        text: `Note about ${endUserId}`,
      }),
    },
  ].map((change) => Change.parse(change));
}
