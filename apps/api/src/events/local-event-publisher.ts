import type { DomainEvent, EventPublisher } from '@autocase/core';
import type { Logger } from 'pino';

export type DomainEventListener = (event: DomainEvent) => void | Promise<void>;

/**
 * Publishes domain events to listeners in this process (the WebSocket gateway subscribes and
 * fans out — across processes through its Redis adapter). A failing listener is logged, never
 * thrown back into the use case that published the event.
 */
export class LocalEventPublisher implements EventPublisher {
  private readonly listeners = new Set<DomainEventListener>();

  constructor(private readonly logger: Logger) {}

  subscribe(listener: DomainEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(event: DomainEvent): Promise<void> {
    await Promise.all(
      [...this.listeners].map(async (listener) => {
        try {
          await listener(event);
        } catch (error) {
          this.logger.error({ err: error, event: event.type }, 'event listener failed');
        }
      }),
    );
  }
}
