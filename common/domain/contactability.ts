// The contactability gate (DESIGN.md): contact actions are enabled only when a response
// exists (a decline never qualifies), the respondent can be reached, and the respondent has
// not objected, restricted processing or been erased. Client and server both call this.
export const NOT_CONTACTABLE_REASONS = ['erased', 'objected', 'restricted', 'declined', 'no_contact_details'] as const;
export type NotContactableReason = (typeof NOT_CONTACTABLE_REASONS)[number];

export interface ContactabilityInput {
  /** 'response' when the respondent answered; 'decline' when they declined the survey. */
  readonly answer: 'response' | 'decline';
  readonly respondent: {
    readonly email: string | null;
    readonly phone: string | null;
    readonly restricted: boolean;
    readonly objected: boolean;
    readonly erased: boolean;
  } | null;
}

export type Contactability =
  { readonly contactable: true } | { readonly contactable: false; readonly reason: NotContactableReason };

export function contactability(input: ContactabilityInput): Contactability {
  const r = input.respondent;
  if (r === null || r.erased) return { contactable: false, reason: 'erased' };
  if (r.objected) return { contactable: false, reason: 'objected' };
  if (r.restricted) return { contactable: false, reason: 'restricted' };
  if (input.answer === 'decline') return { contactable: false, reason: 'declined' };
  if (!r.email && !r.phone) return { contactable: false, reason: 'no_contact_details' };
  return { contactable: true };
}

export function notContactableMessage(reason: NotContactableReason): string {
  switch (reason) {
    case 'erased':
      return 'The respondent’s personal data was erased.';
    case 'objected':
      return 'The respondent objected to being contacted.';
    case 'restricted':
      return 'The respondent restricted processing of their data.';
    case 'declined':
      return 'The respondent declined the survey; only respondents who answered may be contacted.';
    case 'no_contact_details':
      return 'No e-mail address or phone number is known for this respondent.';
  }
}
