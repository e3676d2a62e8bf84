// Facets: the filter dimensions whose values are listed with counts ("Germany 1,204"). A
// facet's counts apply every other filter but not its own, so the alternatives to a choice
// stay visible while it is active.
import { z } from 'zod';
import type { QueueFilters } from './query.js';

export const FACETS = [
  'metric',
  'band',
  'score',
  'product',
  'company',
  'country',
  'channel',
  'language',
  'status',
  'assignee',
  'hasComment',
  'overdue',
  'tags',
] as const;
export type Facet = (typeof FACETS)[number];

/** The filter fields a facet's own choice lives in, left out when counting that facet. */
export const FACET_FILTER_FIELDS: Readonly<Record<Facet, readonly (keyof QueueFilters)[]>> = {
  metric: ['metric'],
  band: ['band'],
  score: ['scoreMin', 'scoreMax'],
  product: ['product'],
  company: ['company'],
  country: ['country'],
  channel: ['channel'],
  language: ['language'],
  status: ['status'],
  assignee: ['assignee'],
  hasComment: ['hasComment'],
  overdue: ['overdue'],
  tags: ['tags'],
};

/** High-cardinality facets list their most frequent values only. */
export const FACET_VALUE_LIMIT = 100;

export const FacetValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FacetValue = z.infer<typeof FacetValue>;

export const FacetCounts = z.strictObject({
  facet: z.enum(FACETS),
  values: z.array(z.strictObject({ value: FacetValue, count: z.number().int().min(0) })),
  /** Rows whose value is not listed because the list was cut at FACET_VALUE_LIMIT. */
  otherCount: z.number().int().min(0),
});
export type FacetCounts = z.infer<typeof FacetCounts>;
