import type { MikroORM } from '@mikro-orm/core';
import type { Clock } from '@autocase/core';
import { PredictorDocumentEntity } from './predictor-admin-entities.js';

/** Keys of the predictor administration documents. */
export const PREDICTOR_DOCUMENT = {
  llm: 'llm',
  learnedStatus: 'learned.status',
  learnedSchedule: 'learned.schedule',
  pluginConfig: (predictorId: string) => `config.${predictorId}`,
} as const;

/** JSON documents by key in `predictor_documents`. */
export class PredictorDocuments {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.orm.em.fork().findOne(PredictorDocumentEntity, { key });
    return row?.value as T | undefined;
  }

  async put(key: string, value: unknown): Promise<void> {
    await this.orm.em.fork().upsert(PredictorDocumentEntity, { key, value, updatedAt: this.clock.now().toISOString() });
  }

  async delete(key: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(PredictorDocumentEntity, { key });
  }
}
