// What the Team view's figures can be narrowed to: the response's product, country, metric
// and channel. They are the queue's own filters, so the core turns them into SQL with the
// queue's filter code and a click on a figure opens the queue with the same rows.
import { z } from 'zod';
import { filtersWith, QueueFilters } from '../queue/query.js';

export const TeamFilters = z.strictObject({
  product: QueueFilters.shape.product,
  country: QueueFilters.shape.country,
  metric: QueueFilters.shape.metric,
  channel: QueueFilters.shape.channel,
});
export type TeamFilters = z.infer<typeof TeamFilters>;

export const EMPTY_TEAM_FILTERS: TeamFilters = { product: [], country: [], metric: [], channel: [] };

/** The queue filters that select the same responses as these team filters. */
export function teamQueueFilters(filters: TeamFilters, extra: Partial<QueueFilters> = {}): QueueFilters {
  return filtersWith({ ...filters, ...extra });
}
