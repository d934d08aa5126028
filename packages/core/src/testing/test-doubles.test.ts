import { describe, expect, it } from 'vitest';
import { buildFieldDefinition } from './builders.js';
import { createFakePredictorPlugin, FakePredictorInstance } from './fake-predictor.js';
import { FakeSummarizer } from './fake-summarizer.js';
import { FixedClock } from './fixed-clock.js';
import { InMemoryJobQueue } from './in-memory-job-queue.js';
import { RecordingEventPublisher } from './recording-event-publisher.js';
import { RecordingMailer } from './recording-mailer.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

const pluginContext = { logger: { debug() {}, info() {}, warn() {}, error() {} }, fetch: globalThis.fetch, now: () => new Date(0), signal: new AbortController().signal };

describe('FixedClock', () => {
  it('stands still until advanced or set, and rejects an invalid start', () => {
    const clock = new FixedClock('2026-03-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(clock.advance(1500).toISOString()).toBe('2026-03-01T00:00:01.500Z');
    clock.set('2027-01-01T00:00:00.000Z');
    expect(clock.now().getUTCFullYear()).toBe(2027);
    expect(() => new FixedClock('soon')).toThrow('FixedClock start is not a valid date: soon');
  });
});

describe('SequentialIdGenerator', () => {
  it('counts up with its prefix', () => {
    const ids = new SequentialIdGenerator('case');
    expect([ids.next(), ids.next()]).toEqual(['case-1', 'case-2']);
  });
});

describe('InMemoryJobQueue', () => {
  it('dedupes pending jobs by jobId, runs them with retries and records failures', async () => {
    const queue = new InMemoryJobQueue();
    const first = await queue.enqueue('email.process', { emailId: 'e1' }, { jobId: 'email:e1', attempts: 3 });
    expect(await queue.enqueue('email.process', { emailId: 'e1' }, { jobId: 'email:e1' })).toBe(first);
    await queue.enqueue('email.process', { emailId: 'e2' }, { attempts: 2 });
    await queue.enqueue('other', {});
    const seen: string[] = [];
    let failuresLeft = 2;
    queue.register<{ emailId: string }>('email.process', async (data, meta) => {
      seen.push(`${data.emailId}#${meta.attempt}`);
      if (data.emailId === 'e1' && failuresLeft-- > 0) throw new Error('temporary');
      if (data.emailId === 'e2') throw new Error('permanent');
    });
    expect(await queue.drain()).toEqual({ completed: 1, failed: 1 });
    expect(seen).toEqual(['e1#1', 'e1#2', 'e1#3', 'e2#1', 'e2#2']);
    expect(queue.jobs.find((job) => job.options.jobId === undefined && job.name === 'email.process')).toMatchObject({ state: 'failed', lastError: 'permanent' });
    expect(queue.pending().map((job) => job.name)).toEqual(['other']);
  });
});

describe('RecordingMailer', () => {
  it('records messages with a message id, or fails when told to', async () => {
    const mailer = new RecordingMailer();
    const { messageId } = await mailer.send({ from: 'a@x.co', to: ['b@x.co'], subject: 'Hi', text: 'Hello' });
    expect(mailer.sent).toEqual([{ from: 'a@x.co', to: ['b@x.co'], subject: 'Hi', text: 'Hello', messageId }]);
    mailer.failWith(new Error('smtp down'));
    await expect(mailer.send({ from: 'a@x.co', to: ['b@x.co'], subject: 'Hi', text: 'x' })).rejects.toThrow('smtp down');
  });
});

describe('RecordingEventPublisher', () => {
  it('filters by type and clears', () => {
    const events = new RecordingEventPublisher();
    events.publish({ type: 'conversation.waiting', conversationId: 'c1' });
    events.publish({ type: 'note.added', caseId: 'k', noteId: 'n' });
    expect(events.ofType('note.added')).toEqual([{ type: 'note.added', caseId: 'k', noteId: 'n' }]);
    events.clear();
    expect(events.events).toEqual([]);
  });
});

describe('FakePredictorInstance and plugin', () => {
  const category = buildFieldDefinition({ key: 'category', type: 'choice', options: [{ value: 'billing' }] });

  it('answers canned predictions only for the fields asked', async () => {
    const fake = new FakePredictorInstance({ id: 'acme', answer: [{ field: 'category', value: 'billing', confidence: 0.8 }, { field: 'other', value: 'x', confidence: 1 }] });
    const result = await fake.doPredict({ fields: [category], messages: [], context: {}, channel: 'chat' });
    expect(result.predictions).toEqual([{ field: 'category', value: 'billing', confidence: 0.8, evidence: [], predictor: { id: 'acme', version: '1.0.0' } }]);
  });

  it('builds instances from a validated config', async () => {
    const plugin = createFakePredictorPlugin('canned');
    expect(plugin.specificationVersion).toBe('v1');
    expect(plugin.configSchema.safeParse({ predictions: [{ field: 'category', value: 'billing', confidence: 2 }] }).success).toBe(false);
    const config = plugin.configSchema.parse({ predictions: [{ field: 'category', value: 'billing', confidence: 0.7 }] });
    const instance = await plugin.create(config, pluginContext);
    const result = await instance.doPredict({ fields: [category], messages: [], context: {}, channel: 'email' });
    expect(result.predictions[0]).toMatchObject({ value: 'billing', predictor: { id: 'canned' } });
  });

  it('answers with a function of the input', async () => {
    const fake = new FakePredictorInstance({ answer: (input) => [{ field: 'category', value: input.context.plan ?? 'none', confidence: 1 }] });
    const result = await fake.doPredict({ fields: [category], messages: [], context: { plan: 'billing' }, channel: 'chat' });
    expect(result.predictions[0]?.value).toBe('billing');
  });
});

describe('FakeSummarizer', () => {
  it('summarizes with canned text or a default', async () => {
    const input = { messages: [{ id: 'm1', author: 'customer' as const, text: 'hi' }], format: 'paragraph' as const };
    expect((await new FakeSummarizer().doSummarize(input)).text).toBe('Summary of 1 messages');
    expect((await new FakeSummarizer({ text: (given) => given.format }).doSummarize(input)).text).toBe('paragraph');
  });
});
