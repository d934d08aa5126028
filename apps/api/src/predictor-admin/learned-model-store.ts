import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { SerializedLearnedModel, ThresholdFigures } from '@autocase/predictors/learned';
import { LearnedModelEntity } from './predictor-admin-entities.js';

/** What the admin sees about one trained field model. */
export interface LearnedModelMetrics {
  /** Examples the model learned from (every example: it is refitted on the validation split too). */
  trainingExamples: number;
  /** Held-out examples it was validated on. */
  validationExamples: number;
  /** Accuracy on the held-out split, null when the split was too small. */
  validationAccuracy: number | null;
  /** On the held-out split, per confidence threshold: share answered and share of those right (absent for older versions). */
  thresholds?: ThresholdFigures[] | null;
  labels: number;
  /** Where the examples came from. */
  sources: { imported: number; resolvedCases: number };
}

export interface LearnedModelVersion {
  field: string;
  version: number;
  modelId: string;
  active: boolean;
  trainedAt: string;
  metrics: LearnedModelMetrics;
}

/** Versions of each field's model kept in the database (older ones are deleted when a new one is saved). */
export const KEPT_MODEL_VERSIONS = 5;

/** Versioned learned models in `learned_models`; one active version per field, the newest few kept. */
export class LearnedModelStore {
  /** `keepVersions`: how many versions of a field's model are kept, the active (newest) one included. */
  constructor(
    private readonly orm: MikroORM,
    private readonly keepVersions = KEPT_MODEL_VERSIONS,
  ) {
    if (!Number.isInteger(keepVersions) || keepVersions < 1) throw new Error(`keepVersions must be a whole number ≥ 1, got ${keepVersions}`);
  }

  /** Stores a new version of a field's model and makes it the active one. */
  async saveAndActivate(field: string, model: SerializedLearnedModel, metrics: LearnedModelMetrics, trainedAt: string): Promise<LearnedModelVersion> {
    const em = this.orm.em.fork();
    return em.transactional(async (transaction) => {
      const latest = await transaction.findOne(LearnedModelEntity, { field }, { orderBy: { version: 'desc' }, fields: ['version'] });
      const version = (latest?.version ?? 0) + 1;
      await transaction.nativeUpdate(LearnedModelEntity, { field, active: true }, { active: false });
      await transaction.insert(LearnedModelEntity, { id: randomUUID(), field, version, modelId: model.id, active: true, model: model as unknown as Record<string, unknown>, metrics: metrics as unknown as Record<string, unknown>, trainedAt });
      // A scheduled retrain adds a version (megabytes for a large label set) every interval: keep the newest few.
      await transaction.nativeDelete(LearnedModelEntity, { field, version: { $lte: version - this.keepVersions } });
      return { field, version, modelId: model.id, active: true, trainedAt, metrics };
    });
  }

  /** The active model of each field, for the running learned predictor. */
  async activeModels(): Promise<Record<string, SerializedLearnedModel>> {
    const rows = await this.orm.em.fork().find(LearnedModelEntity, { active: true });
    return Object.fromEntries(rows.map((row) => [row.field, row.model as unknown as SerializedLearnedModel]));
  }

  /** Every version's metadata (no model bodies), newest first. */
  async versions(): Promise<LearnedModelVersion[]> {
    const rows = await this.orm.em.fork().find(LearnedModelEntity, {}, { orderBy: { field: 'asc', version: 'desc' }, fields: ['field', 'version', 'modelId', 'active', 'trainedAt', 'metrics'] });
    return rows.map((row) => ({ field: row.field, version: row.version, modelId: row.modelId, active: row.active, trainedAt: row.trainedAt, metrics: row.metrics as unknown as LearnedModelMetrics }));
  }
}
