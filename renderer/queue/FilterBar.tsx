// The filter bar: one menu per filter, each listing its values with their counts under the
// other filters. Filters combine (AND across menus, OR within one).
import { memo, type ReactNode, useState } from 'react';
import {
  Button,
  CheckboxGroup,
  Dialog,
  DialogTrigger,
  Input,
  Label,
  NumberField,
  Popover,
  RadioGroup,
  SearchField,
  Toolbar,
} from 'react-aria-components';
import { CheckOption, RadioOption, Toggle } from './controls.js';
import { DueFilterChip } from '../app/DueFilterChip.js';
import type { FacetCounts } from '../../common/queue/facets.js';
import { activeFilterCount, type QueueFilters, type ReceivedRange } from '../../common/queue/query.js';
import type { FacetState } from './useFacets.js';
import {
  FACET_LABELS,
  facetOptions,
  LIST_FACETS,
  optionKey,
  optionLabel,
  optionValue,
  type FacetLabelContext,
  type ListFacet,
} from './facet-options.js';
import { count } from './format.js';

export interface FilterBarProps {
  readonly filters: QueueFilters;
  readonly counts: FacetState;
  readonly context: FacetLabelContext;
  readonly onChange: (change: Partial<QueueFilters>) => void;
  readonly onClear: () => void;
  readonly onMenuOpen: (facet: keyof FacetState) => void;
  /** Facet counts are being (re)counted. */
  readonly counting: boolean;
}

/** Long lists get a box to narrow them. */
const FIND_THRESHOLD = 12;

function CountText({ value }: { readonly value: number | null }) {
  return <span className="facet-count">{value === null ? '…' : count(value)}</span>;
}

/** A filter's menu button and popover (the Team view's filters use it too). */
export function FilterMenu({
  label,
  summary,
  active,
  onOpen,
  children,
}: {
  readonly label: string;
  readonly summary: string | null;
  readonly active: boolean;
  readonly onOpen?: () => void;
  readonly children: ReactNode;
}) {
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (open) onOpen?.();
      }}
    >
      <Button className={active ? 'filter-button is-active' : 'filter-button'}>
        {label}
        {summary !== null && <span className="filter-summary">: {summary}</span>}
        <span aria-hidden="true" className="filter-caret">
          ▾
        </span>
      </Button>
      <Popover className="popover filter-popover" placement="bottom start">
        <Dialog aria-label={`${label} filter`} className="filter-dialog">
          {children}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

export function summaryOf(labels: readonly string[]): string | null {
  const [first] = labels;
  if (first === undefined) return null;
  return labels.length === 1 ? first : `${first} +${labels.length - 1}`;
}

function ListFilter({
  facet,
  filters,
  counts,
  context,
  onChange,
  onOpen,
}: {
  readonly facet: ListFacet;
  readonly filters: QueueFilters;
  readonly counts: FacetCounts | undefined;
  readonly context: FacetLabelContext;
  readonly onChange: (change: Partial<QueueFilters>) => void;
  readonly onOpen: () => void;
}) {
  const [find, setFind] = useState('');
  const options = facetOptions(facet, counts, filters, context);
  const selected = filters[facet].map((v) => optionKey(v));
  const shown = options.filter((o) => find === '' || o.label.toLowerCase().includes(find.toLowerCase()));
  const label = FACET_LABELS[facet];
  return (
    <FilterMenu
      label={label}
      summary={summaryOf(filters[facet].map((v) => optionLabel(facet, v, context)))}
      active={selected.length > 0}
      onOpen={onOpen}
    >
      {options.length > FIND_THRESHOLD && (
        <SearchField
          className="filter-find"
          value={find}
          onChange={setFind}
          aria-label={`Find a ${label.toLowerCase()}`}
        >
          <Input placeholder={`Find a ${label.toLowerCase()}…`} />
        </SearchField>
      )}
      <CheckboxGroup
        aria-label={label}
        className="facet-options"
        value={selected}
        onChange={(keys) => {
          onChange({ [facet]: keys.map(optionValue) });
        }}
      >
        {shown.map((option) => (
          <CheckOption key={option.key} value={option.key}>
            <span className="facet-label">{option.label}</span>
            <CountText value={option.count} />
          </CheckOption>
        ))}
        {shown.length === 0 && <p className="muted">Nothing matches.</p>}
      </CheckboxGroup>
      {counts !== undefined && counts.otherCount > 0 && (
        <p className="muted facet-more">{count(counts.otherCount)} more in less frequent values — type to find one.</p>
      )}
    </FilterMenu>
  );
}

function ScoreFilter({
  filters,
  counts,
  onChange,
  onOpen,
}: Pick<FilterBarProps, 'filters' | 'counts' | 'onChange'> & { readonly onOpen: () => void }) {
  const { scoreMin, scoreMax } = filters;
  const active = scoreMin !== null || scoreMax !== null;
  const histogram = [...(counts.score?.values ?? [])].sort((a, b) => Number(a.value) - Number(b.value));
  const most = Math.max(1, ...histogram.map((h) => h.count));
  return (
    <FilterMenu
      label="Score"
      summary={active ? `${scoreMin ?? 0}–${scoreMax ?? 10}` : null}
      active={active}
      onOpen={onOpen}
    >
      <div className="score-range">
        <NumberField
          minValue={0}
          maxValue={10}
          value={scoreMin ?? NaN}
          onChange={(v) => {
            onChange({ scoreMin: Number.isNaN(v) ? null : v });
          }}
        >
          <Label>From</Label>
          <Input className="number-input" />
        </NumberField>
        <NumberField
          minValue={0}
          maxValue={10}
          value={scoreMax ?? NaN}
          onChange={(v) => {
            onChange({ scoreMax: Number.isNaN(v) ? null : v });
          }}
        >
          <Label>To</Label>
          <Input className="number-input" />
        </NumberField>
      </div>
      <ul className="score-histogram" aria-label="Responses by score">
        {histogram.map((h) => (
          <li key={String(h.value)}>
            <span className="histogram-score">{String(h.value)}</span>
            <span className="histogram-bar" style={{ width: `${(h.count / most) * 100}%` }} aria-hidden="true" />
            <CountText value={h.count} />
          </li>
        ))}
      </ul>
    </FilterMenu>
  );
}

const RECEIVED_CHOICES = [
  ['any', 'Any time'],
  ['today', 'Today'],
  ['last7days', 'Last 7 days'],
  ['last30days', 'Last 30 days'],
  ['custom', 'Between dates'],
] as const;

function dateInputValue(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A local calendar day from a date input; `end` gives the start of the next day. */
function fromDateInput(value: string, end: boolean): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (end ? 1 : 0)).getTime();
}

function ReceivedFilter({ filters, onChange }: Pick<FilterBarProps, 'filters' | 'onChange'>) {
  const range = filters.received;
  const choice = range === null ? 'any' : 'relative' in range ? range.relative : 'custom';
  const custom = range !== null && 'from' in range ? range : { from: null, to: null };
  const setRange = (next: ReceivedRange | null): void => {
    onChange({ received: next });
  };
  const label = RECEIVED_CHOICES.find(([key]) => key === choice)?.[1] ?? null;
  return (
    <FilterMenu label="Received" summary={choice === 'any' ? null : label} active={choice !== 'any'}>
      <RadioGroup
        aria-label="Received"
        value={choice}
        onChange={(value) => {
          if (value === 'any') setRange(null);
          else if (value === 'custom') setRange({ from: null, to: null });
          else setRange({ relative: value as 'today' | 'last7days' | 'last30days' });
        }}
        className="radio-list"
      >
        {RECEIVED_CHOICES.map(([key, text]) => (
          <RadioOption key={key} value={key}>
            {text}
          </RadioOption>
        ))}
      </RadioGroup>
      {choice === 'custom' && (
        <div className="date-range">
          <label>
            From
            <input
              type="date"
              value={dateInputValue(custom.from)}
              onChange={(e) => {
                setRange({ from: fromDateInput(e.target.value, false), to: custom.to });
              }}
            />
          </label>
          <label>
            Until (inclusive)
            <input
              type="date"
              value={dateInputValue(custom.to === null ? null : custom.to - 1)}
              onChange={(e) => {
                setRange({ from: custom.from, to: fromDateInput(e.target.value, true) });
              }}
            />
          </label>
        </div>
      )}
    </FilterMenu>
  );
}

function CommentFilter({
  filters,
  counts,
  onChange,
  onOpen,
}: Pick<FilterBarProps, 'filters' | 'counts' | 'onChange'> & { readonly onOpen: () => void }) {
  const of = (value: boolean): number | null =>
    counts.hasComment === undefined ? null : (counts.hasComment.values.find((v) => v.value === value)?.count ?? 0);
  const choice = filters.hasComment === null ? 'any' : filters.hasComment ? 'with' : 'without';
  return (
    <FilterMenu
      label="Comment"
      summary={choice === 'any' ? null : choice === 'with' ? 'with' : 'without'}
      active={choice !== 'any'}
      onOpen={onOpen}
    >
      <RadioGroup
        aria-label="Comment"
        value={choice}
        onChange={(value) => {
          onChange({ hasComment: value === 'any' ? null : value === 'with' });
        }}
        className="radio-list"
      >
        <RadioOption value="any">Any</RadioOption>
        <RadioOption value="with">
          With a comment <CountText value={of(true)} />
        </RadioOption>
        <RadioOption value="without">
          Without a comment <CountText value={of(false)} />
        </RadioOption>
      </RadioGroup>
    </FilterMenu>
  );
}

export const FilterBar = memo(function FilterBar(props: FilterBarProps) {
  const { filters, counts, context, onChange, onClear, onMenuOpen, counting } = props;
  const active = activeFilterCount({ ...filters, search: '' });
  const overdue = counts.overdue?.values[0]?.count ?? null;
  return (
    <Toolbar aria-label="Filters" className="filter-bar" data-counting={counting}>
      {LIST_FACETS.map((facet) => (
        <ListFilter
          key={facet}
          facet={facet}
          filters={filters}
          counts={counts[facet]}
          context={context}
          onChange={onChange}
          onOpen={() => {
            onMenuOpen(facet);
          }}
        />
      ))}
      <ScoreFilter
        filters={filters}
        counts={counts}
        onChange={onChange}
        onOpen={() => {
          onMenuOpen('score');
        }}
      />
      <CommentFilter
        filters={filters}
        counts={counts}
        onChange={onChange}
        onOpen={() => {
          onMenuOpen('hasComment');
        }}
      />
      <ReceivedFilter filters={filters} onChange={onChange} />
      <DueFilterChip
        due={filters.due}
        onClear={() => {
          onChange({ due: null });
        }}
      />
      <Toggle
        isSelected={filters.overdue}
        onChange={(overdueOnly) => {
          onChange({ overdue: overdueOnly });
        }}
      >
        Overdue <CountText value={overdue} />
      </Toggle>
      {counting && (
        <span className="facet-counting" aria-hidden="true">
          counting…
        </span>
      )}
      {active > 0 && (
        <Button className="button button-quiet" onPress={onClear}>
          Clear filters ({active})
        </Button>
      )}
    </Toolbar>
  );
});
