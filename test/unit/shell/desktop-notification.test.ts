// The shell's desktop notifications (electron/desktop-notification.ts, ShellServices.notify),
// against a stand-in for Electron's Notification: the runtime cannot run here.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';

const fake = vi.hoisted(() => ({
  supported: true,
  created: [] as { options: { title: string; body: string }; shown: number; emit(event: string): void }[],
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class Notification extends Emitter {
    shown = 0;
    constructor(readonly options: { title: string; body: string }) {
      super();
      fake.created.push(this);
    }
    static isSupported(): boolean {
      return fake.supported;
    }
    show(): void {
      this.shown += 1;
    }
  }
  return { Notification };
});

const { createDesktopNotifier } = await import('../../../electron/desktop-notification.js');

class FakeWindow extends EventEmitter {
  minimized = true;
  readonly calls: string[] = [];
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  focus(): void {
    this.calls.push('focus');
  }
}

beforeEach(() => {
  fake.supported = true;
  fake.created.length = 0;
});

describe('desktop notifications', () => {
  it('build a Notification with the title and body and show it', () => {
    createDesktopNotifier(() => null)('Maja Lindqvist assigned you a follow-up', 'Linnea Ek · NPS 2 (Detractor)');
    expect(fake.created).toHaveLength(1);
    expect(fake.created[0]).toMatchObject({
      options: { title: 'Maja Lindqvist assigned you a follow-up', body: 'Linnea Ek · NPS 2 (Detractor)' },
      shown: 1,
    });
  });

  it('bring the window back when clicked, and ignore a click once it is gone', () => {
    const window = new FakeWindow();
    let live: FakeWindow | null = window;
    createDesktopNotifier(() => live as unknown as BrowserWindow | null)('Overdue', 'A follow-up of yours is overdue');
    fake.created[0]!.emit('click');
    expect(window.calls).toEqual(['restore', 'focus']);
    live = null;
    expect(() => {
      fake.created[0]!.emit('click');
    }).not.toThrow();
    expect(window.calls).toEqual(['restore', 'focus']);
  });

  it('do nothing, and throw nothing, where the system has no notifications', () => {
    fake.supported = false;
    expect(() => {
      createDesktopNotifier(() => null)('Overdue', 'A follow-up of yours is overdue');
    }).not.toThrow();
    expect(fake.created).toEqual([]);
  });
});
