// Just enough of the server-sent events format for GET /v1/poke: events are separated by a
// blank line, "event:" names them, lines starting with ":" are comments (keep-alives).
// Chunks may split lines anywhere, so the parser keeps the unfinished tail.
export class SseParser {
  private buffer = '';
  private eventName = 'message';
  private hasField = false;
  private readonly decoder = new TextDecoder();

  /** Feeds bytes; returns the names of the events completed by them, in order. */
  push(chunk: Uint8Array): string[] {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    const events: string[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      // A CR that ends the chunk may be the first half of a CRLF: wait for the next byte.
      if (newline === this.buffer.length - 1 && this.buffer.endsWith('\r')) break;
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      if (line === '') {
        if (this.hasField) events.push(this.eventName);
        this.eventName = 'message';
        this.hasField = false;
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        if (field === 'event') this.eventName = line.slice(colon + 1).trimStart();
        // "retry:" alone does not make an event.
        if (field === 'event' || field === 'data') this.hasField = true;
      }
    }
    return events;
  }
}
