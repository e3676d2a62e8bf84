// SLA policy: how long after a response its first contact is due, per metric and band.
// Default (DESIGN.md / issue 6): detractors 48 h, passives 5 days, promoters none.
import type { Band, SurveyType } from './metrics.js';
import type { Priority } from './followup-status.js';

export interface SlaRule {
  /** Hours until first contact is due; null means no SLA (no due time). */
  readonly firstContactHours: number | null;
  readonly priority: Priority;
}

export type SlaPolicy = Readonly<Record<SurveyType, Readonly<Record<Band, SlaRule>>>>;

const BY_BAND: Readonly<Record<Band, SlaRule>> = {
  negative: { firstContactHours: 48, priority: 'high' },
  neutral: { firstContactHours: 5 * 24, priority: 'normal' },
  positive: { firstContactHours: null, priority: 'low' },
};

export const DEFAULT_SLA_POLICY: SlaPolicy = { nps: BY_BAND, ces: BY_BAND, csat: BY_BAND };

export function dueAt(rule: SlaRule, receivedAtMs: number): number | null {
  return rule.firstContactHours === null ? null : receivedAtMs + rule.firstContactHours * 3_600_000;
}
