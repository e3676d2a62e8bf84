// The due-time filter a link from the Team view puts on the queue ("due today", "follow-ups
// due this month"): shown in the filter bar with its range, and removable in one click. The
// queue has no menu for it; it only ever arrives with a link.
import { Button } from 'react-aria-components';
import type { DueRange } from '../../common/queue/query.js';

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function describe(due: DueRange): string {
  if (due.from === null && due.to === null) return 'has a due time';
  if (due.from === null) return `before ${day.format(due.to ?? 0)}`;
  if (due.to === null) return `from ${day.format(due.from)}`;
  const last = due.to - 1;
  return day.format(due.from) === day.format(last)
    ? day.format(due.from)
    : `${day.format(due.from)} – ${day.format(last)}`;
}

export function DueFilterChip({ due, onClear }: { readonly due: DueRange | null; readonly onClear: () => void }) {
  if (due === null) return null;
  const text = `Due: ${describe(due)}`;
  return (
    <span className="filter-button is-active due-chip">
      {text}
      <Button className="icon-button" aria-label={`Remove the filter ${text}`} onPress={onClear}>
        ×
      </Button>
    </span>
  );
}
