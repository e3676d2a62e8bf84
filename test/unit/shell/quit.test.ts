import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuitCoordinator } from '../../../electron/security/quit.js';

const event = () => ({ preventDefault: vi.fn() });

describe('createQuitCoordinator', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the first quit, closes the core, then quits; the second quit passes', async () => {
    const order: string[] = [];
    const quit = vi.fn(() => order.push('quit'));
    const onQuit = createQuitCoordinator({
      close: () => {
        order.push('close');
        return Promise.resolve();
      },
      quit,
      logError: vi.fn(),
    });
    const first = event();
    onQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => {
      expect(quit).toHaveBeenCalledOnce();
    });
    expect(order).toEqual(['close', 'quit']);
    const second = event();
    onQuit(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('closes only once when quit is requested again while closing', async () => {
    let finish: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quit = vi.fn();
    const onQuit = createQuitCoordinator({ close, quit, logError: vi.fn() });
    onQuit(event());
    const again = event();
    onQuit(again);
    expect(again.preventDefault).toHaveBeenCalled();
    expect(close).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => {
      expect(quit).toHaveBeenCalledOnce();
    });
  });

  it('still quits when closing fails, and logs why', async () => {
    const quit = vi.fn();
    const logError = vi.fn();
    const onQuit = createQuitCoordinator({ close: () => Promise.reject(new Error('disk full')), quit, logError });
    onQuit(event());
    await vi.waitFor(() => {
      expect(quit).toHaveBeenCalledOnce();
    });
    expect(logError).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: 'disk full' }));
  });

  it('still quits when closing hangs past the timeout', async () => {
    vi.useFakeTimers();
    const quit = vi.fn();
    const logError = vi.fn();
    const onQuit = createQuitCoordinator({
      close: () => new Promise(() => undefined),
      quit,
      logError,
      timeoutMs: 1000,
    });
    onQuit(event());
    await vi.advanceTimersByTimeAsync(999);
    expect(quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(quit).toHaveBeenCalledOnce();
    expect(logError.mock.calls[0]?.[1]).toBeInstanceOf(Error);
    expect((logError.mock.calls[0]?.[1] as Error).message).toMatch(/did not close within 1000 ms/);
  });
});
