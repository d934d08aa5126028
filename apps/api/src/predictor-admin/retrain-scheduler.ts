import { z } from 'zod';
import type { Clock, PluginLogger } from '@autocase/core';
import { PREDICTOR_DOCUMENT, type PredictorDocuments } from './predictor-documents.js';

export const RetrainScheduleSchema = z.object({
  /** Minutes between automatic retrains; 0 turns them off. Default daily. */
  intervalMinutes: z.number().int('intervalMinutes must be a whole number').min(0).max(525_600, 'intervalMinutes must be at most a year'),
});

export interface RetrainSchedule {
  intervalMinutes: number;
  /** When the scheduler last queued a retrain. */
  lastQueuedAt: string | null;
}

export interface RetrainScheduleView extends RetrainSchedule {
  nextRunAt: string | null;
}

export const DEFAULT_RETRAIN_INTERVAL_MINUTES = 24 * 60;
const MAX_CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Queues a learned-model retrain every `intervalMinutes` (a timer that checks at most hourly
 * and enqueues the training job; the job itself runs on the queue like a manual retrain).
 * Nothing is queued while nothing was ever trained and nothing can be (`hasTrainingData`).
 */
export class RetrainScheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly documents: PredictorDocuments,
    private readonly clock: Clock,
    private readonly hasTrainingData: () => Promise<boolean>,
    private readonly enqueueRetrain: () => Promise<unknown>,
    private readonly logger: PluginLogger,
  ) {}

  async read(): Promise<RetrainScheduleView> {
    const stored = (await this.documents.get<Partial<RetrainSchedule>>(PREDICTOR_DOCUMENT.learnedSchedule)) ?? {};
    const schedule = { intervalMinutes: stored.intervalMinutes ?? DEFAULT_RETRAIN_INTERVAL_MINUTES, lastQueuedAt: stored.lastQueuedAt ?? null };
    const nextRunAt = schedule.intervalMinutes === 0 ? null : new Date((schedule.lastQueuedAt ? Date.parse(schedule.lastQueuedAt) : this.clock.now().getTime()) + schedule.intervalMinutes * 60_000).toISOString();
    return { ...schedule, nextRunAt };
  }

  async save(intervalMinutes: number): Promise<RetrainScheduleView> {
    const current = await this.read();
    await this.documents.put(PREDICTOR_DOCUMENT.learnedSchedule, { intervalMinutes, lastQueuedAt: current.lastQueuedAt ?? this.clock.now().toISOString() });
    await this.start();
    return this.read();
  }

  /** Queues a retrain when one is due; returns whether it did. */
  async runDue(now: Date = this.clock.now()): Promise<boolean> {
    const schedule = await this.read();
    if (schedule.intervalMinutes === 0 || !schedule.nextRunAt || now.getTime() < Date.parse(schedule.nextRunAt)) return false;
    if (!(await this.hasTrainingData())) return false;
    await this.enqueueRetrain();
    await this.documents.put(PREDICTOR_DOCUMENT.learnedSchedule, { intervalMinutes: schedule.intervalMinutes, lastQueuedAt: now.toISOString() });
    this.logger.info('scheduled retrain of the learned predictor queued', { intervalMinutes: schedule.intervalMinutes });
    return true;
  }

  /** (Re)starts the timer for the stored interval. */
  async start(): Promise<void> {
    this.stop();
    const schedule = await this.read();
    if (schedule.intervalMinutes === 0) return;
    if (!schedule.lastQueuedAt) await this.documents.put(PREDICTOR_DOCUMENT.learnedSchedule, { intervalMinutes: schedule.intervalMinutes, lastQueuedAt: this.clock.now().toISOString() });
    const every = Math.min(schedule.intervalMinutes * 60_000, MAX_CHECK_EVERY_MS);
    this.timer = setInterval(() => {
      this.runDue().catch((error: unknown) => this.logger.error('scheduled retrain could not be queued', { message: (error as Error).message }));
    }, every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
