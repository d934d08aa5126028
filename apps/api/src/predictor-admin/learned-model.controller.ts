import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth-decorators.js';
import { ApiZodBody } from '../http/api-zod-body.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import type { ThresholdFigures } from '@autocase/predictors/learned';
import type { LearnedModelVersion } from './learned-model-store.js';
import { readTrainingStatus, type TrainingStatus } from './learned-training.js';
import type { PredictorAdmin } from './predictor-admin.js';
import { PREDICTOR_ADMIN } from './predictor-admin.tokens.js';
import { RetrainScheduleSchema, type RetrainScheduleView } from './retrain-scheduler.js';

/** Per field: the active model and its figures. */
export interface LearnedFieldView {
  field: string;
  version: number;
  modelId: string;
  classes: number;
  /** Examples the active model learned from (the validation examples included: the model is refitted on them after validation). */
  examples: number;
  trainingExamples: number;
  validationExamples: number;
  /** Accuracy on the held-out split, 0..1 (null when too few examples to hold any out). */
  accuracy: number | null;
  /**
   * The threshold guide, on the held-out split: at each confidence threshold, the share of cases
   * the model answers and how often it is right then (null when too few examples to hold any out).
   */
  thresholds: ThresholdFigures[] | null;
  sources: { imported: number; resolvedCases: number };
  trainedAt: string;
}

export interface LearnedModelView extends TrainingStatus {
  /** Imported examples stored now. */
  examples: number;
  /** The running learned predictor's version (`field@modelId,…`), null when it is not running. */
  runningVersion: string | null;
  fields: LearnedFieldView[];
  /** Every stored version, newest first per field. */
  versions: LearnedModelVersion[];
  schedule: RetrainScheduleView;
}

@ApiTags('admin: predictors')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/predictors/learned')
export class LearnedModelController {
  constructor(@Inject(PREDICTOR_ADMIN) private readonly admin: PredictorAdmin) {}

  @Get()
  async status(): Promise<LearnedModelView> {
    const [status, versions, counts, schedule] = await Promise.all([readTrainingStatus(this.admin.documents), this.admin.models.versions(), this.admin.examples.counts(), this.admin.scheduler.read()]);
    const running = this.admin.runtime.statuses().find((entry) => entry.kind === 'predictor' && entry.id === 'learned');
    const fields = versions
      .filter((version) => version.active)
      .map((version) => ({
        field: version.field,
        version: version.version,
        modelId: version.modelId,
        classes: version.metrics.labels,
        examples: version.metrics.trainingExamples,
        trainingExamples: version.metrics.trainingExamples,
        validationExamples: version.metrics.validationExamples,
        accuracy: version.metrics.validationAccuracy,
        thresholds: version.metrics.thresholds ?? null,
        sources: version.metrics.sources,
        trainedAt: version.trainedAt,
      }));
    return { ...status, examples: counts.total, runningVersion: running?.status === 'active' ? running.version : null, fields, versions, schedule };
  }

  /** Queues a retrain of every choice/lookup field with examples; answers the (queued) status. `force` queues even while one runs. */
  @Post('train')
  @HttpCode(202)
  @ApiQuery({ name: 'force', required: false, type: Boolean })
  async train(@Query('force') force?: string): Promise<LearnedModelView> {
    await this.admin.requestTraining('manual', force === 'true' || force === '1');
    return this.status();
  }

  @Get('schedule')
  schedule(): Promise<RetrainScheduleView> {
    return this.admin.scheduler.read();
  }

  /** Sets the automatic retrain interval in minutes (0 = off; default 1440, daily). */
  @Put('schedule')
  @ApiZodBody(RetrainScheduleSchema)
  saveSchedule(@Body(new ZodValidationPipe(RetrainScheduleSchema)) body: { intervalMinutes: number }): Promise<RetrainScheduleView> {
    return this.admin.scheduler.save(body.intervalMinutes);
  }
}
