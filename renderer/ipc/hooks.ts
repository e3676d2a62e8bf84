import { useEffect, useState } from 'react';
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../common/ipc/contract.js';
import type { EventName, EventPayload } from '../../common/ipc/events.js';
import type { IpcError } from '../../common/ipc/result.js';
import { loopdesk } from './client.js';

/** The latest payload of a main → renderer event (the host replays the last one on connect). */
export function useEvent<E extends EventName>(event: E): EventPayload<E> | null {
  const [payload, setPayload] = useState<EventPayload<E> | null>(null);
  useEffect(() => loopdesk().subscribe(event, setPayload), [event]);
  return payload;
}

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'error'; readonly error: IpcError };

/** Invokes a channel when `key` changes; the request object itself is not a dependency. */
export function useInvoke<C extends ChannelName>(
  channel: C,
  request: ChannelRequest<C>,
  key = '',
): Loadable<ChannelResponse<C>> {
  const [result, setResult] = useState<Loadable<ChannelResponse<C>>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void loopdesk()
      .invoke(channel, request)
      .then((r) => {
        if (live) setResult(r.ok ? { state: 'ready', value: r.value } : { state: 'error', error: r.error });
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-run on channel/key only
  }, [channel, key]);
  return result;
}
