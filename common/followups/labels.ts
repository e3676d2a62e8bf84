// Words for the follow-up domain's values, shared by the dialogs, the audit trail and the
// notices the core composes, so that a value reads the same everywhere.
import type { ContactChannel, ContactDirection, ContactOutcome } from '../domain/channels.js';
import type { Priority } from '../domain/followup-status.js';

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const CONTACT_CHANNEL_LABELS: Readonly<Record<ContactChannel, string>> = {
  email: 'E-mail',
  phone: 'Phone',
  meeting: 'Meeting',
  chat: 'Chat',
};

export const CONTACT_DIRECTION_LABELS: Readonly<Record<ContactDirection, string>> = {
  outbound: 'We reached out',
  inbound: 'They reached us',
};

export const CONTACT_OUTCOME_LABELS: Readonly<Record<ContactOutcome, string>> = {
  reached: 'Reached',
  no_answer: 'No answer',
  left_message: 'Left a message',
  bounced: 'Bounced',
};

/**
 * The actor of what the server does by itself, such as opening a detractor's follow-up on
 * ingestion (server/services/followup-writer.ts SYSTEM_ACTOR): shown by the product's name.
 */
export const SYSTEM_ACTOR_ID = 'system';
export const SYSTEM_ACTOR_NAME = 'Loopdesk';
