// Loads one of the Team view's reports, again when its request changes and when sync has
// changed the cache (at most every couple of seconds: figures of a whole team need not
// follow every page of a bootstrap). The figures on screen stay until the new ones arrive.
import { useEffect, useState } from 'react';
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../common/ipc/contract.js';
import { loopdesk } from '../ipc/client.js';
import { coalesced } from '../queue/coalesce.js';

const REFRESH_PAUSE_MS = 2000;

export interface Report<T> {
  readonly value: T | null;
  readonly error: string | null;
  /** A request is in flight (the value shown may be the previous one). */
  readonly loading: boolean;
}

/** `active`: the view is on screen; hidden, it neither loads nor follows changes. */
export function useReport<C extends ChannelName>(
  channel: C,
  request: ChannelRequest<C>,
  active: boolean,
): Report<ChannelResponse<C>> {
  const [report, setReport] = useState<Report<ChannelResponse<C>>>({ value: null, error: null, loading: true });
  const key = JSON.stringify(request);

  useEffect(() => {
    if (!active) return;
    let live = true;
    const load = async (): Promise<void> => {
      setReport((r) => ({ ...r, loading: true }));
      const result = await loopdesk().invoke(channel, request);
      if (!live) return;
      setReport(
        result.ok
          ? { value: result.value, error: null, loading: false }
          : { value: null, error: result.error.message, loading: false },
      );
    };
    void load();
    const refresh = coalesced(load, REFRESH_PAUSE_MS);
    const unsubscribe = loopdesk().subscribe('data:changed', () => {
      void refresh();
    });
    return () => {
      live = false;
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the request is compared by value (key)
  }, [channel, key, active]);

  return report;
}
