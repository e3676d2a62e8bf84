// How queue values read on screen: dates in the user's locale, countries and languages by
// name, band labels per metric (Detractor, High effort, Unsatisfied…).
import type { SurveyChannel } from '../../common/domain/channels.js';
import { STATUS_LABELS, type FollowupStatus } from '../../common/domain/followup-status.js';
import { METRIC_LABELS, SCORE_SCALES, type Band, type SurveyType } from '../../common/domain/metrics.js';

const DAY_MS = 86_400_000;

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const weekdayTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const countryNames = new Intl.DisplayNames(undefined, { type: 'region' });
const languageNames = new Intl.DisplayNames(undefined, { type: 'language' });
const numbers = new Intl.NumberFormat();

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Compact: "14:02" today, "Tue 14:02" this past week, "3 Mar" this year, "3 Mar 2024" before. */
export function shortDate(ms: number, now = Date.now()): string {
  const today = startOfDay(now);
  if (ms >= today && ms < today + DAY_MS) return time.format(ms);
  if (ms >= today - 6 * DAY_MS && ms < today) return weekdayTime.format(ms);
  if (new Date(ms).getFullYear() === new Date(now).getFullYear()) return dayMonth.format(ms);
  return fullDate.format(ms);
}

export function longDate(ms: number): string {
  return dateTime.format(ms);
}

/** The name of a code in the user's language; the code itself if the browser has none. */
function displayName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryName(code: string | null): string {
  return code === null ? 'Unknown country' : displayName(countryNames, code);
}

export function languageName(code: string | null): string {
  return code === null ? 'Unknown language' : displayName(languageNames, code);
}

export const CHANNEL_LABELS: Readonly<Record<SurveyChannel, string>> = {
  web: 'Web',
  in_app: 'In-app',
  mobile: 'Mobile',
  email: 'E-mail',
  link: 'Link',
};

export function statusLabel(status: FollowupStatus): string {
  return STATUS_LABELS[status];
}

export function metricLabel(metric: SurveyType): string {
  return METRIC_LABELS[metric];
}

export function bandLabelFor(metric: SurveyType, band: Band): string {
  return SCORE_SCALES[metric].bandLabels[band];
}

/** Band names across metrics, for the band filter: "Detractor / High effort / Unsatisfied". */
export function bandFilterLabel(band: Band): string {
  return [...new Set(Object.values(SCORE_SCALES).map((scale) => scale.bandLabels[band]))].join(' · ');
}

export function count(n: number): string {
  return numbers.format(n);
}

/** "in 3 h", "2 d overdue": how far a due time is, for the due column's tooltip and pane. */
export function dueDistance(dueAt: number, now = Date.now()): string {
  const hours = Math.round((dueAt - now) / 3_600_000);
  const span = Math.abs(hours) >= 48 ? `${Math.round(Math.abs(hours) / 24)} d` : `${Math.abs(hours)} h`;
  return hours >= 0 ? `due in ${span}` : `${span} overdue`;
}
