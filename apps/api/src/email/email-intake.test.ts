import { PluginError, type JobOptions, type JobQueue } from '@autocase/core';
import { InMemoryEmailRepository } from '@autocase/core/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { EmailIntake } from './email-intake.js';

class RecordingQueue implements JobQueue {
  readonly jobs: { name: string; data: Record<string, unknown>; options?: JobOptions }[] = [];
  failing = false;
  async enqueue<T extends Record<string, unknown>>(name: string, data: T, options?: JobOptions): Promise<string> {
    if (this.failing) throw new Error('queue down');
    this.jobs.push({ name, data, ...(options ? { options } : {}) });
    return options?.jobId ?? String(this.jobs.length);
  }
}

const item = (text: string) => ({ kind: 'email.raw', payload: new TextEncoder().encode(text), address: 'support@autocase.test', receivedAt: '2026-01-01T00:00:00.000Z', metadata: { transport: 'smtp', mailFrom: '', rcptTo: ['support@autocase.test'] } });

describe('EmailIntake', () => {
  it('stores, then queues processing once per email', async () => {
    const emails = new InMemoryEmailRepository();
    const queue = new RecordingQueue();
    const intake = new EmailIntake(emails, queue, pino({ level: 'silent' }), 5);
    const accepted = await intake.accept(item('Message-ID: <a@x>\r\nSubject: A\r\n\r\nbody'));
    expect(accepted.duplicate).toBe(false);
    expect(queue.jobs).toEqual([{ name: 'email.process', data: { emailId: accepted.id }, options: { jobId: `email.process:${accepted.id}`, attempts: 5, backoffMs: 2000 } }]);
    expect((await emails.get(accepted.id))?.envelope).toEqual({ mailFrom: '', rcptTo: ['support@autocase.test'] });
  });

  it('answers a temporary error when storage fails, so SMTP says 451', async () => {
    const emails = new InMemoryEmailRepository();
    emails.failWith = new Error('database is down');
    const intake = new EmailIntake(emails, new RecordingQueue(), pino({ level: 'silent' }), 5);
    const failure = await intake.accept(item('Subject: A\r\n\r\nbody')).catch((error: unknown) => error);
    expect(PluginError.is(failure) && failure.code).toBe('TEMPORARY');
  });

  it('answers once the message is stored, without waiting for a queue that hangs', async () => {
    const emails = new InMemoryEmailRepository();
    const hanging: JobQueue = { enqueue: () => new Promise<string>(() => undefined) };
    const intake = new EmailIntake(emails, hanging, pino({ level: 'silent' }), 5);
    const accepted = await intake.accept(item('Subject: Redis is down\r\n\r\nbody'));
    expect(await emails.get(accepted.id)).toMatchObject({ status: 'received' });
  });

  it('queues again a stored email whose job was lost, on redelivery and by the sweeper', async () => {
    const emails = new InMemoryEmailRepository();
    const queue = new RecordingQueue();
    const intake = new EmailIntake(emails, queue, pino({ level: 'silent' }), 5);
    queue.failing = true;
    const first = await intake.accept(item('Subject: Lost\r\n\r\nbody'));
    expect(queue.jobs).toHaveLength(0);
    queue.failing = false;
    expect(await intake.accept(item('Subject: Lost\r\n\r\nbody'))).toEqual({ id: first.id, duplicate: true });
    expect(queue.jobs.map((job) => job.data.emailId)).toEqual([first.id]);
    expect(await intake.enqueue(first.id)).toBe(true);
    expect(queue.jobs).toHaveLength(2);
  });
});
