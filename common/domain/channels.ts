/** Where a survey was answered. */
export const SURVEY_CHANNELS = ['web', 'in_app', 'mobile', 'email', 'link'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

/** How staff reached (or tried to reach) a respondent. */
export const CONTACT_CHANNELS = ['email', 'phone', 'meeting', 'chat'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_DIRECTIONS = ['outbound', 'inbound'] as const;
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];

export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'left_message', 'bounced'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
