// Facet counts, fetched one facet at a time after the rows (the page never waits for them),
// the facet whose menu is open first. A new query drops the round in progress; a data change
// recounts while the old counts stay on screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import { FACETS, type Facet, type FacetCounts } from '../../common/queue/facets.js';
import { DEFAULT_SORT, type QueueFilters, type QueueQuery } from '../../common/queue/query.js';
import { call } from '../ipc/client.js';

export type FacetState = Partial<Readonly<Record<Facet, FacetCounts>>>;

/** One empty object, so that a memoized filter bar does not re-render for a new `{}`. */
const NO_COUNTS: FacetState = {};

export interface Facets {
  readonly counts: FacetState;
  /** A round of counting is under way (counts on screen may be the previous round's). */
  readonly counting: boolean;
  /** Counts this facet next (its menu just opened). */
  readonly prioritize: (facet: Facet) => void;
}

interface Counted {
  /** The filters the counts belong to. */
  readonly key: string;
  readonly counts: FacetState;
}

export function useFacets(query: QueueQuery, start: boolean, recount: number): Facets {
  // Facets depend on the filters only, not on the sort.
  const filtersKey = JSON.stringify(query.filters);
  const [counted, setCounted] = useState<Counted>({ key: filtersKey, counts: {} });
  const [counting, setCounting] = useState(false);
  const queue = useRef<Facet[]>([]);
  const round = useRef(0);

  useEffect(() => {
    if (!start) return;
    round.current += 1;
    const mine = round.current;
    queue.current = [...FACETS];
    // Counts do not depend on the sort; the request carries one all the same.
    const facetQuery = { filters: JSON.parse(filtersKey) as QueueFilters, sort: DEFAULT_SORT };
    void (async () => {
      setCounting(true);
      for (let facet = queue.current.shift(); facet !== undefined; facet = queue.current.shift()) {
        try {
          const result = await call('queue:facet', { query: facetQuery, facet });
          if (mine !== round.current) return;
          setCounted((old) => ({
            key: filtersKey,
            counts: { ...(old.key === filtersKey ? old.counts : {}), [result.facet]: result },
          }));
        } catch {
          // A facet that cannot be counted keeps its old counts; the next round retries it.
        }
        if (mine !== round.current) return;
      }
      setCounting(false);
    })();
  }, [filtersKey, start, recount]);

  const prioritize = useCallback((facet: Facet) => {
    const rest = queue.current.filter((f) => f !== facet);
    if (rest.length < queue.current.length) queue.current = [facet, ...rest];
  }, []);

  return { counts: counted.key === filtersKey ? counted.counts : NO_COUNTS, counting, prioritize };
}
