import type { DomainEvent, EventPublisher } from '../ports/services.js';

/** Keeps every published event for assertions. */
export class RecordingEventPublisher implements EventPublisher {
  readonly events: DomainEvent[] = [];

  publish(event: DomainEvent): void {
    this.events.push(structuredClone(event));
  }

  ofType<Type extends DomainEvent['type']>(type: Type): Extract<DomainEvent, { type: Type }>[] {
    return this.events.filter((event): event is Extract<DomainEvent, { type: Type }> => event.type === type);
  }

  clear(): void {
    this.events.length = 0;
  }
}
