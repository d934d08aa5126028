import { Body, Controller, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/auth-decorators.js';
import { ApiZodBody } from '../http/api-zod-body.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { LlmSettingsInputSchema, type LlmSettingsInput, type LlmSettingsView } from './llm-settings.js';
import type { LlmTestResult } from './predictor-configurator.js';
import type { PredictorAdmin } from './predictor-admin.js';
import { PREDICTOR_ADMIN } from './predictor-admin.tokens.js';

const OptionalLlmSettingsSchema = z.preprocess(
  (value) => (value !== null && typeof value === 'object' && Object.keys(value).length === 0 ? undefined : value),
  LlmSettingsInputSchema.optional(),
);

@ApiTags('admin: predictors')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/predictors/llm')
export class LlmSettingsController {
  constructor(@Inject(PREDICTOR_ADMIN) private readonly admin: PredictorAdmin) {}

  /** The LLM provider settings; the key is never returned (`apiKeySet`, `apiKeyLast4`). */
  @Get()
  settings(): Promise<LlmSettingsView> {
    return this.admin.configurator.llmView();
  }

  /** Stores the settings; enabling them starts the llm predictor and the LLM summarizer at once. */
  @Put()
  @ApiZodBody(LlmSettingsInputSchema)
  save(@Body(new ZodValidationPipe(LlmSettingsInputSchema)) input: LlmSettingsInput): Promise<LlmSettingsView> {
    return this.admin.configurator.saveLlm(input);
  }

  /** A real call to the provider with the given settings (the stored key when none is typed), or the stored ones without a body. */
  @Post('test')
  @HttpCode(200)
  @ApiZodBody(LlmSettingsInputSchema)
  test(@Body(new ZodValidationPipe(OptionalLlmSettingsSchema)) input?: LlmSettingsInput): Promise<LlmTestResult> {
    return this.admin.configurator.testLlm(input ?? null);
  }
}
