import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../electron/core/sync/sse-parser.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SseParser', () => {
  it('reads the poke stream: named events, comments and the retry hint', () => {
    const parser = new SseParser();
    expect(parser.push(bytes('retry: 2000\n: connected\n\nevent: changed\ndata: \n\n'))).toEqual(['changed']);
    expect(parser.push(bytes(': keep-alive\n\n'))).toEqual([]);
    expect(parser.push(bytes('data: hello\n\n'))).toEqual(['message']);
  });

  it('puts events split across chunks back together, whatever the line endings', () => {
    const parser = new SseParser();
    const text = 'event: changed\r\ndata: \r\n\r\nevent: changed\ndata:\n\n';
    const events: string[] = [];
    for (const char of text) events.push(...parser.push(bytes(char)));
    expect(events).toEqual(['changed', 'changed']);
  });

  it('decodes multi-byte characters split between chunks', () => {
    const parser = new SseParser();
    const all = bytes('event: ändrat\ndata: x\n\n');
    expect([...parser.push(all.subarray(0, 9)), ...parser.push(all.subarray(9))]).toEqual(['ändrat']);
  });
});
