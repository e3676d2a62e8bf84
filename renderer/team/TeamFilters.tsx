// The Team view's controls: the period (with what it is compared with) and the filters the
// KPIs, trends and root causes share — product, country, metric, channel. Products and
// countries are listed from the cache, most frequent first, with their response counts.
// The menus are the queue's filter menus, so both filter bars look and behave alike.
import { useEffect, useState } from 'react';
import {
  Button,
  CheckboxGroup,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import { SURVEY_CHANNELS } from '../../common/domain/channels.js';
import { METRIC_LABELS, SURVEY_TYPES } from '../../common/domain/metrics.js';
import { DEFAULT_SORT, EMPTY_FILTERS } from '../../common/queue/query.js';
import { EMPTY_TEAM_FILTERS, type TeamFilters } from '../../common/team/filters.js';
import { PERIOD_PRESETS, PRESET_LABELS, type PeriodPreset } from '../../common/team/period.js';
import { call } from '../ipc/client.js';
import { CheckOption } from '../queue/controls.js';
import { FilterMenu, summaryOf } from '../queue/FilterBar.js';
import { CHANNEL_LABELS, countryName } from '../queue/format.js';
import { formatCount } from './format.js';

interface Option {
  readonly key: string;
  readonly value: string | null;
  readonly label: string;
  readonly count: number | null;
}

/** How a null value (no country) travels as a checkbox value. */
const NONE = '\u2205';

function useFacetOptions(facet: 'product' | 'country', label: (value: string | null) => string): Option[] {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    call('queue:facet', { query: { filters: EMPTY_FILTERS, sort: DEFAULT_SORT }, facet }).then(
      (counts) => {
        setOptions(
          counts.values.map((v) => {
            const value = v.value === null ? null : String(v.value);
            return { key: value ?? NONE, value, label: label(value), count: v.count };
          }),
        );
      },
      () => undefined,
    );
  }, [facet, label]);
  return options;
}

const productLabel = (value: string | null): string => value ?? 'No product';

const METRIC_OPTIONS: readonly Option[] = SURVEY_TYPES.map((m) => ({
  key: m,
  value: m,
  label: METRIC_LABELS[m],
  count: null,
}));
const CHANNEL_OPTIONS: readonly Option[] = SURVEY_CHANNELS.map((c) => ({
  key: c,
  value: c,
  label: CHANNEL_LABELS[c],
  count: null,
}));

function TeamFilterMenu({
  label,
  options,
  selected,
  onChange,
}: {
  readonly label: string;
  readonly options: readonly Option[];
  readonly selected: readonly (string | null)[];
  readonly onChange: (values: (string | null)[]) => void;
}) {
  const keys = selected.map((v) => v ?? NONE);
  return (
    <FilterMenu
      label={label}
      summary={summaryOf(options.filter((o) => keys.includes(o.key)).map((o) => o.label))}
      active={keys.length > 0}
    >
      <CheckboxGroup
        aria-label={label}
        className="facet-options"
        value={keys}
        onChange={(next) => {
          onChange(next.map((k) => (k === NONE ? null : k)));
        }}
      >
        {options.map((o) => (
          <CheckOption key={o.key} value={o.key}>
            <span className="facet-label">{o.label}</span>
            {o.count !== null && <span className="facet-count">{formatCount(o.count)}</span>}
          </CheckOption>
        ))}
      </CheckboxGroup>
    </FilterMenu>
  );
}

export function PeriodPicker({
  value,
  onChange,
}: {
  readonly value: PeriodPreset;
  readonly onChange: (preset: PeriodPreset) => void;
}) {
  return (
    <Select
      className="period-select"
      value={value}
      onChange={(key) => {
        if (key !== null) onChange(key as PeriodPreset);
      }}
    >
      <Label className="visually-hidden">Period</Label>
      <Button className="filter-button is-active">
        <SelectValue />
        <span aria-hidden="true" className="filter-caret">
          ▾
        </span>
      </Button>
      <Popover className="popover" placement="bottom start">
        <ListBox className="listbox">
          {PERIOD_PRESETS.map((preset) => (
            <ListBoxItem key={preset} id={preset} className="listbox-item">
              {PRESET_LABELS[preset]}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

export function TeamFilterMenus({
  filters,
  onChange,
}: {
  readonly filters: TeamFilters;
  readonly onChange: (filters: TeamFilters) => void;
}) {
  const products = useFacetOptions('product', productLabel);
  const countries = useFacetOptions('country', countryName);
  const menus: readonly (readonly [keyof TeamFilters, string, readonly Option[]])[] = [
    ['product', 'Product', products],
    ['country', 'Country', countries],
    ['metric', 'Metric', METRIC_OPTIONS],
    ['channel', 'Channel', CHANNEL_OPTIONS],
  ];
  const active = menus.some(([field]) => filters[field].length > 0);
  return (
    <>
      {menus.map(([field, label, options]) => (
        <TeamFilterMenu
          key={field}
          label={label}
          options={options}
          selected={filters[field]}
          onChange={(values) => {
            // The values come from this field's own option list, so they are of its type.
            onChange({ ...filters, [field]: values });
          }}
        />
      ))}
      {active && (
        <Button
          className="button button-quiet"
          onPress={() => {
            onChange(EMPTY_TEAM_FILTERS);
          }}
        >
          Clear filters
        </Button>
      )}
    </>
  );
}
