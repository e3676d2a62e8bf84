// The queue's promised order and filters, written as plain array code: what the SQL must
// agree with. Ascending: values ascending with NULLs last, newest first among equals (then
// rid); received ascending is oldest first. Descending is the exact reverse.
import { OPEN_STATUSES, FOLLOWUP_STATUSES } from '../../../../common/domain/followup-status.js';
import { BANDS, bandOf, SCORE_SCALES } from '../../../../common/domain/metrics.js';
import type { QueueFilters, QueueSort } from '../../../../common/queue/query.js';
import { commentKey, type ModelRow } from './queue-fixture.js';

type Key = string | number | null;

function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function normalisedScore(row: ModelRow): number {
  const s = SCORE_SCALES[row.metric];
  return ((row.score - s.min) * 60) / (s.max - s.min);
}

function primaryKey(row: ModelRow, sort: QueueSort, staffNames: ReadonlyMap<string, number>): Key | [number, Key] {
  switch (sort.column) {
    case 'received':
      return row.createdAt;
    case 'metric':
      return row.metric;
    case 'score':
      return normalisedScore(row);
    case 'comment':
      return commentKey(row);
    case 'product':
      return row.product;
    case 'company':
      return row.company;
    case 'country':
      return row.country;
    case 'channel':
      return row.channel;
    case 'assignee':
      // Known staff by name, then unknown ids by id, then unassigned.
      if (row.assignee === null) return [2, null];
      return staffNames.has(row.assignee) ? [0, staffNames.get(row.assignee)!] : [1, row.assignee];
    case 'status':
      return FOLLOWUP_STATUSES.indexOf(row.status);
    case 'due':
      return row.dueAt;
    case 'lastContact':
      return row.lastContactAt;
  }
}

export function referenceOrder(
  rows: readonly ModelRow[],
  sort: QueueSort,
  staffInNameOrder: readonly string[],
): ModelRow[] {
  const staffNames = new Map(staffInNameOrder.map((id, i) => [id, i]));
  const ascending = [...rows].sort((a, b) => {
    const ka = primaryKey(a, sort, staffNames);
    const kb = primaryKey(b, sort, staffNames);
    const primary =
      Array.isArray(ka) && Array.isArray(kb)
        ? compareKeys(ka[0], kb[0]) || compareKeys(ka[1], kb[1])
        : compareKeys(ka as Key, kb as Key);
    if (primary !== 0) return primary;
    if (sort.column === 'received') return a.rid - b.rid;
    return b.createdAt - a.createdAt || a.rid - b.rid;
  });
  return sort.direction === 'asc' ? ascending : ascending.reverse();
}

function anyOf<T>(list: readonly T[], value: T): boolean {
  return list.length === 0 || list.includes(value);
}

export function referenceMatches(row: ModelRow, filters: QueueFilters, me: string | null, now: number): boolean {
  const hasComment = commentKey(row) !== null;
  const assignees = filters.assignee.map((a) => (a === 'unassigned' ? null : a === 'me' ? (me ?? '—') : a));
  const overdue = row.dueAt !== null && row.dueAt < now && OPEN_STATUSES.includes(row.status);
  const range = filters.received !== null && 'from' in filters.received ? filters.received : null;
  const words = filters.search
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const textWords = (row.text ?? '').toLowerCase().split(/[^a-z0-9]+/);
  return (
    anyOf(filters.metric, row.metric) &&
    anyOf(filters.band, BANDS[BANDS.indexOf(bandOf(row.metric, row.score))]!) &&
    (filters.scoreMin === null || row.score >= filters.scoreMin) &&
    (filters.scoreMax === null || row.score <= filters.scoreMax) &&
    anyOf(filters.product, row.product) &&
    anyOf(filters.company, row.company) &&
    anyOf(filters.country, row.country) &&
    anyOf(filters.channel, row.channel) &&
    anyOf(filters.language, row.language) &&
    anyOf(filters.status, row.status) &&
    anyOf(assignees, row.assignee) &&
    (filters.hasComment === null || filters.hasComment === hasComment) &&
    (range === null ||
      ((range.from === null || row.createdAt >= range.from) && (range.to === null || row.createdAt < range.to))) &&
    (!filters.overdue || overdue) &&
    (filters.tags.length === 0 || filters.tags.some((t) => row.tags.includes(t))) &&
    words.every((w) => textWords.some((t) => t.startsWith(w)))
  );
}
