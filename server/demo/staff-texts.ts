// What the demo team writes: contact notes, internal notes, action summaries and reasons.
// The team works in English; messages to respondents use the respondent's language.
import type { ContactOutcome } from '../../common/domain/channels.js';
import type { ComplaintTheme } from './comments/pack.js';

export const CONTACT_NOTES: Readonly<Record<ContactOutcome, readonly string[]>> = {
  reached: [
    'Spoke with {name}; walked through the issue and agreed on next steps.',
    'Called {name}. Frustrated, but appreciated that we reached out.',
    '{name} confirmed the problem is still there and sent screenshots.',
    'Good call with {name}, they explained the whole background.',
    'Reached {name} by e-mail; they replied with more details the same day.',
    'Short call with {name}. Promised an update by the end of the week.',
  ],
  no_answer: ['No answer. Will try again tomorrow.', 'Tried calling {name}, no answer.', 'No reply yet.'],
  left_message: [
    'Left a voicemail asking {name} to call back.',
    'Left a message with the front desk for {name}.',
    'Sent a short e-mail asking for a good time to talk.',
  ],
  bounced: ['E-mail bounced; address may be out of date.', 'Delivery failed, trying another channel.'],
};

export const INTERNAL_NOTES: readonly string[] = [
  'Escalated to the product team.',
  'Account is up for renewal next quarter – handle with care.',
  'Same issue reported by two other users at this company.',
  'Waiting for engineering to confirm a fix date.',
  'Checked the logs: errors started after the last release.',
  'Customer success manager informed.',
  'Linked to the known issue in the bug tracker.',
  'Offered a call with the product owner.',
];

export const ACTION_SUMMARIES: Readonly<Record<ComplaintTheme, readonly string[]>> = {
  pricing: [
    'Explained the pricing change and offered a 15% discount on annual billing.',
    'Moved the account to a plan that fits their usage.',
    'Reviewed seats with the customer and removed unused licences.',
  ],
  bugs: [
    'Bug reproduced and fixed in release {version}; confirmed with the customer.',
    'Shared a workaround while the fix ships in the next release.',
    'Restored the lost data from backup and fixed the sync conflict.',
  ],
  support: [
    'Apologised, reviewed the ticket with the support lead and set up a direct contact.',
    'Reopened and solved the ticket; added a callback routine to the support process.',
  ],
  onboarding: [
    'Booked a tailored onboarding session for the team.',
    'Updated the getting-started guide and sent it to the customer.',
  ],
  performance: [
    'Traced the slowness to a heavy query; fixed in release {version}.',
    'Moved the account to a faster database cluster and confirmed load times.',
  ],
};

export const ROOT_CAUSES: Readonly<Record<ComplaintTheme, readonly (readonly string[])[]>> = {
  pricing: [['pricing'], ['pricing', 'plan-fit']],
  bugs: [['bug'], ['bug', 'regression']],
  support: [['support-process'], ['support-process', 'response-time']],
  onboarding: [['onboarding'], ['onboarding', 'documentation']],
  performance: [['performance'], ['performance', 'infrastructure']],
};

export const NOT_CONTACTABLE_CLOSE_REASONS: readonly string[] = [
  'The respondent cannot be contacted; feedback shared with the product team.',
  'No contact allowed; logged the feedback for the quarterly review.',
];

export const UNREACHABLE_CLOSE_REASONS: readonly string[] = [
  'Could not reach the respondent after several attempts.',
  'Customer churned before we could reach them.',
  'Duplicate of an earlier follow-up for the same customer.',
  'Feedback was about a third-party tool.',
];

export const FOLLOWUP_TAGS: readonly (readonly string[])[] = [
  ['enterprise'],
  ['churn-risk'],
  ['escalated'],
  ['renewal'],
];
