// Main → renderer events, fanned out to every connected page (the Electron window, or each
// browser-mode socket). Payloads are validated on the way out so a bug cannot send the
// renderer something the contract does not describe.
import { IPC_EVENTS, type EventName, type EventPayload } from '../../common/ipc/events.js';

export type EventSink = (event: EventName, payload: unknown) => void;

export class EventBus {
  private readonly sinks = new Set<EventSink>();
  private readonly last = new Map<EventName, unknown>();

  /** Adds a sink and replays the latest payload of each event, so a late page is current. */
  connect(sink: EventSink): () => void {
    this.sinks.add(sink);
    for (const [event, payload] of this.last) sink(event, payload);
    return () => this.sinks.delete(sink);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = IPC_EVENTS[event].parse(payload);
    this.last.set(event, checked);
    for (const sink of this.sinks) sink(event, checked);
  }
}
