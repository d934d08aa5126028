/** Time source; use cases never call `new Date()` directly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface JobOptions {
  /** Dedupe key: a job with the same key that is still pending is not added twice. */
  jobId?: string;
  attempts?: number;
  backoffMs?: number;
  delayMs?: number;
}

/**
 * Durable job queue. Implementations: Bull on Redis, or in-process backed by the database.
 * Both re-run jobs that were accepted but not finished when a process died.
 */
export interface JobQueue {
  enqueue<T extends Record<string, unknown>>(name: string, data: T, options?: JobOptions): Promise<string>;
}

export type JobHandler<T = Record<string, unknown>> = (data: T, meta: { jobId: string; attempt: number }) => Promise<unknown>;

export interface MailMessage {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/** Domain events published to realtime clients (agents' WebSockets) and other processes. */
export type DomainEvent =
  | { type: 'conversation.waiting'; conversationId: string }
  | { type: 'conversation.updated'; conversationId: string; state: string }
  | { type: 'conversation.message'; conversationId: string; messageId: string }
  | { type: 'case.created'; caseId: string; conversationId?: string | null; fields: string[] }
  | { type: 'case.updated'; caseId: string; conversationId?: string | null; changed: string[] }
  | { type: 'note.added'; caseId: string; noteId: string }
  | { type: 'email.processed'; emailId: string; outcome: string; caseId?: string | null };

export interface EventPublisher {
  publish(event: DomainEvent): Promise<void> | void;
}

export interface IdGenerator {
  next(): string;
}

/**
 * Groups writes that must happen together or not at all (a case, its audit entries, its
 * prediction log and the link from the email or conversation that created it). Hosts run the
 * work in one database transaction that every repository call inside it joins; keep reads of
 * other stores and slow work (predictions, sending mail) outside it.
 */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** Runs `work` in the unit of work when there is one, else as it is. */
export function runAtomically<T>(unitOfWork: UnitOfWork | undefined, work: () => Promise<T>): Promise<T> {
  return unitOfWork ? unitOfWork.run(work) : work();
}
