import { describe, expect, it } from 'vitest';
import { createLogger } from '../infrastructure/app-logger.js';
import { LocalEventPublisher } from './local-event-publisher.js';

describe('LocalEventPublisher', () => {
  it('delivers events to every subscriber until it unsubscribes', async () => {
    const publisher = new LocalEventPublisher(createLogger('silent'));
    const first: string[] = [];
    const second: string[] = [];
    const unsubscribe = publisher.subscribe((event) => void first.push(event.type));
    publisher.subscribe((event) => void second.push(event.type));
    await publisher.publish({ type: 'case.created', caseId: 'c1', fields: [] });
    unsubscribe();
    await publisher.publish({ type: 'note.added', caseId: 'c1', noteId: 'n1' });
    expect(first).toEqual(['case.created']);
    expect(second).toEqual(['case.created', 'note.added']);
  });

  it('keeps publishing when a listener throws', async () => {
    const publisher = new LocalEventPublisher(createLogger('silent'));
    const received: string[] = [];
    publisher.subscribe(() => {
      throw new Error('socket gone');
    });
    publisher.subscribe((event) => void received.push(event.type));
    await expect(publisher.publish({ type: 'conversation.waiting', conversationId: 'x' })).resolves.toBeUndefined();
    expect(received).toEqual(['conversation.waiting']);
  });
});
