// The choices of each list filter, as the filter menus show them: a label, the value the
// query takes, and the facet count. Values that are selected stay listed even when the
// counts no longer include them.
import type { Staff } from '../../common/api/records.js';
import { SURVEY_CHANNELS } from '../../common/domain/channels.js';
import { FOLLOWUP_STATUSES } from '../../common/domain/followup-status.js';
import { BANDS, SURVEY_TYPES } from '../../common/domain/metrics.js';
import type { Facet, FacetCounts, FacetValue } from '../../common/queue/facets.js';
import type { QueueFilters } from '../../common/queue/query.js';
import { bandFilterLabel, CHANNEL_LABELS, countryName, languageName, metricLabel, statusLabel } from './format.js';

/** The list filters: one field of QueueFilters each, an array of values. */
export const LIST_FACETS = [
  'metric',
  'band',
  'status',
  'assignee',
  'product',
  'company',
  'country',
  'channel',
  'language',
  'tags',
] as const satisfies readonly Facet[];
export type ListFacet = (typeof LIST_FACETS)[number];

export const FACET_LABELS: Readonly<Record<Facet, string>> = {
  metric: 'Metric',
  band: 'Band',
  score: 'Score',
  product: 'Product',
  company: 'Company',
  country: 'Country',
  channel: 'Channel',
  language: 'Language',
  status: 'Status',
  assignee: 'Assignee',
  hasComment: 'Comment',
  overdue: 'Overdue',
  tags: 'Tags',
};

export interface FacetOption {
  /** The string a checkbox carries; null values travel as NONE. */
  readonly key: string;
  readonly value: string | null;
  readonly label: string;
  /** null while not counted. */
  readonly count: number | null;
}

export const NONE = '\u2205';

export function optionKey(value: string | null): string {
  return value ?? NONE;
}

export function optionValue(key: string): string | null {
  return key === NONE ? null : key;
}

export interface FacetLabelContext {
  readonly me: Staff | null;
  readonly staff: readonly Staff[];
}

export function optionLabel(facet: ListFacet, value: string | null, context: FacetLabelContext): string {
  switch (facet) {
    case 'metric':
      return value === null ? '—' : metricLabel(value as (typeof SURVEY_TYPES)[number]);
    case 'band':
      return value === null ? '—' : bandFilterLabel(value as (typeof BANDS)[number]);
    case 'status':
      return value === null ? '—' : statusLabel(value as (typeof FOLLOWUP_STATUSES)[number]);
    case 'channel':
      return value === null ? '—' : CHANNEL_LABELS[value as (typeof SURVEY_CHANNELS)[number]];
    case 'country':
      return countryName(value);
    case 'language':
      return languageName(value);
    case 'company':
      return value ?? 'No company';
    case 'product':
    case 'tags':
      return value ?? '—';
    case 'assignee':
      if (value === 'me') return context.me === null ? 'Me' : `Me (${context.me.name})`;
      if (value === 'unassigned' || value === null) return 'Unassigned';
      return context.staff.find((s) => s.id === value)?.name ?? value;
  }
}

/** The values a facet always offers, counted or not (the closed lists). */
function fixedValues(facet: ListFacet): readonly string[] {
  switch (facet) {
    case 'metric':
      return SURVEY_TYPES;
    case 'band':
      return BANDS;
    case 'status':
      return FOLLOWUP_STATUSES;
    case 'channel':
      return SURVEY_CHANNELS;
    case 'assignee':
      return ['me', 'unassigned'];
    case 'product':
    case 'company':
    case 'country':
    case 'language':
    case 'tags':
      return [];
  }
}

export function selectedValues(facet: ListFacet, filters: QueueFilters): readonly (string | null)[] {
  return filters[facet];
}

function countOf(counts: FacetCounts | undefined, value: FacetValue): number | null {
  if (counts === undefined) return null;
  return counts.values.find((v) => v.value === value)?.count ?? 0;
}

export function facetOptions(
  facet: ListFacet,
  counts: FacetCounts | undefined,
  filters: QueueFilters,
  context: FacetLabelContext,
): FacetOption[] {
  const values: (string | null)[] = [...fixedValues(facet)];
  for (const v of counts?.values ?? []) {
    const value = v.value === null ? null : String(v.value);
    if (facet === 'assignee' && (value === null || value === context.me?.id)) continue;
    if (!values.includes(value)) values.push(value);
  }
  for (const value of selectedValues(facet, filters)) if (!values.includes(value)) values.push(value);
  return values.map((value) => {
    let count: number | null;
    if (facet === 'assignee' && value === 'me') count = context.me === null ? 0 : countOf(counts, context.me.id);
    else if (facet === 'assignee' && value === 'unassigned') count = countOf(counts, null);
    else count = countOf(counts, value);
    return { key: optionKey(value), value, label: optionLabel(facet, value, context), count };
  });
}
