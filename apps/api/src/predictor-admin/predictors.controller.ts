import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { mergePredictions, PredictionRunner, type Evidence, type FieldAbstention } from '@autocase/core';
import { z } from 'zod';
import { Roles } from '../auth/auth-decorators.js';
import { ApiZodBody } from '../http/api-zod-body.js';
import { validationException, ZodValidationPipe } from '../http/zod-validation-pipe.js';
import type { PredictorAdmin } from './predictor-admin.js';
import { PREDICTOR_ADMIN } from './predictor-admin.tokens.js';
import type { RuntimePluginStatus } from '../case-engine/predictor-runtime.js';

const PredictorTestSchema = z.object({
  text: z.string().trim().min(1, 'text is required').max(100_000),
  /** Field keys to try; default every configured field. */
  fields: z.array(z.string().min(1)).optional(),
  /** Context variables, as a pre-chat survey would pass them. */
  context: z.record(z.string(), z.string()).default({}),
});
type PredictorTestInput = z.infer<typeof PredictorTestSchema>;

const PluginConfigSchema = z.object({ config: z.unknown() });

export interface PredictorTestPrediction {
  field: string;
  value: unknown;
  confidence: number;
  evidence: Evidence[];
  threshold: number;
  clearsThreshold: boolean;
}

export interface PredictorTestAnswer {
  results: { predictor: { id: string; version: string }; predictions: PredictorTestPrediction[]; warnings: string[]; error: { code: string; message: string } | null; durationMs: number | null }[];
  /** What the engine would set (precedence and thresholds applied), and the fields it would leave empty with why. */
  merged: { fields: Record<string, { value: unknown; confidence: number | null; predictor: string | null }>; abstentions: FieldAbstention[] };
}

@ApiTags('admin: predictors')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/predictors')
export class PredictorsController {
  constructor(@Inject(PREDICTOR_ADMIN) private readonly admin: PredictorAdmin) {}

  /** Every predictor and summarizer known to the app: id, version, package, status (`active`, `inactive`, `failed` with `detail`). */
  @Get()
  list(): { items: RuntimePluginStatus[] } {
    return { items: this.admin.runtime.statuses() };
  }

  /** What each running predictor would return for this text, and what the engine would make of it. */
  @Post('test')
  @HttpCode(200)
  @ApiZodBody(PredictorTestSchema)
  async test(@Body(new ZodValidationPipe(PredictorTestSchema)) input: PredictorTestInput): Promise<PredictorTestAnswer> {
    const allFields = await this.admin.fields;
    const unknown = (input.fields ?? []).filter((key) => !allFields.some((field) => field.key === key));
    if (unknown.length > 0) throw validationException(unknown.map((key) => ({ path: 'fields', message: `"${key}" is not a configured case field` })));
    const fields = input.fields ? allFields.filter((field) => input.fields!.includes(field.key)) : allFields;
    const messages = [{ id: 'm1', author: 'customer' as const, text: input.text }];
    const thresholds = new Map(fields.map((field) => [field.key, field.threshold]));
    const answer: PredictorTestAnswer = { results: [], merged: { fields: {}, abstentions: [] } };
    const allPredictions = [];
    for (const id of this.admin.runtime.predictorIds) {
      const instance = this.admin.runtime.instance(id)!;
      const report = await new PredictionRunner(new Map([[id, instance]]), { logger: this.admin.runtime.logger }).run({ fields, messages, context: input.context, channel: 'backtest' });
      allPredictions.push(...report.predictions);
      const failure = report.errors[0];
      answer.results.push({
        predictor: { id, version: instance.version },
        predictions: report.predictions.map((prediction) => {
          const threshold = thresholds.get(prediction.field) ?? 0;
          return { field: prediction.field, value: prediction.value, confidence: prediction.confidence, evidence: prediction.evidence, threshold, clearsThreshold: prediction.confidence >= threshold };
        }),
        warnings: report.warnings.map((warning) => warning.message),
        error: failure ? { code: failure.code, message: failure.message } : null,
        durationMs: report.usage[0]?.durationMs ?? null,
      });
    }
    const merge = mergePredictions({ fields, settings: await this.admin.settings, current: null, scope: 'updates', predictions: allPredictions, at: this.admin.now.toISOString() });
    for (const [key, state] of Object.entries(merge.fields)) answer.merged.fields[key] = { value: state.value, confidence: state.confidence ?? null, predictor: state.predictor?.id ?? null };
    answer.merged.abstentions = merge.abstentions;
    return answer;
  }

  /** The configuration of the rules or regex predictor (as stored by an admin, or from the plugin list). */
  @Get(':predictorId/config')
  async config(@Param('predictorId') predictorId: string): Promise<{ predictorId: string; config: unknown }> {
    return { predictorId, config: await this.admin.configurator.pluginConfig(predictorId) };
  }

  /** Replaces the rules or regex configuration, validated by the plugin's own schema (400 naming `config.<path>`), and restarts that predictor. */
  @Put(':predictorId/config')
  @ApiZodBody(PluginConfigSchema)
  async saveConfig(@Param('predictorId') predictorId: string, @Body(new ZodValidationPipe(PluginConfigSchema)) body: { config: unknown }): Promise<{ predictorId: string; config: unknown; status: RuntimePluginStatus | null }> {
    const config = await this.admin.configurator.savePluginConfig(predictorId, body.config);
    return { predictorId, config, status: this.admin.runtime.statuses().find((entry) => entry.kind === 'predictor' && entry.id === predictorId) ?? null };
  }
}
