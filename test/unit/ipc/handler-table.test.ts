import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, IPC_CHANNELS, type ChannelName } from '../../../common/ipc/contract.js';
import { createHandlerTable, IpcFailure, type HandlerMap } from '../../../electron/core/ipc/handler-table.js';

/** Handlers that record being called: validation must stop bad input before them. */
function recordingHandlers(calls: ChannelName[]): HandlerMap {
  return Object.fromEntries(
    CHANNEL_NAMES.map((name) => [
      name,
      () => {
        calls.push(name);
        throw new Error('a handler ran on input the schema should have rejected');
      },
    ]),
  ) as unknown as HandlerMap;
}

describe('IPC handler table', () => {
  it.each(CHANNEL_NAMES)('%s rejects malformed input with a validation error', async (channel) => {
    const calls: ChannelName[] = [];
    const dispatch = createHandlerTable(recordingHandlers(calls));
    const schema = IPC_CHANNELS[channel].request;
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((value) => !schema.safeParse(value).success),
        async (request) => {
          const result = await dispatch(channel, request);
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        },
      ),
      { numRuns: 60, seed: 42 },
    );
    expect(calls).toEqual([]);
  });

  it('refuses channels outside the contract', async () => {
    const dispatch = createHandlerTable(recordingHandlers([]));
    for (const name of ['ipc:raw', '__proto__', 'constructor', 42, null]) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('returns typed failures as values and hides unexpected errors', async () => {
    const logged: string[] = [];
    const handlers = {
      ...recordingHandlers([]),
      'app:ping': () => {
        throw new IpcFailure('forbidden', 'Not for you.');
      },
      'app:info': () => {
        throw new Error('secret internal detail');
      },
    } as HandlerMap;
    const dispatch = createHandlerTable(handlers, { onInternalError: (channel) => logged.push(channel) });
    expect(await dispatch('app:ping', { sentAt: 1 })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Not for you.' },
    });
    const internal = await dispatch('app:info', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('secret internal detail');
    expect(logged).toEqual(['app:info']);
  });

  it('passes the validated request to the handler', async () => {
    const handlers = {
      ...recordingHandlers([]),
      'app:ping': ({ sentAt }: { sentAt: number }) => ({ sentAt, repliedAt: 7 }),
    };
    const dispatch = createHandlerTable(handlers);
    expect(await dispatch('app:ping', { sentAt: 5 })).toEqual({ ok: true, value: { sentAt: 5, repliedAt: 7 } });
  });
});
