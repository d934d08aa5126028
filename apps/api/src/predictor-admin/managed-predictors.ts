import type { Predictor } from '@autocase/core';
import learnedPredictor from '@autocase/predictors/learned';
import llmPredictor from '@autocase/predictors/llm';
import regexPredictor from '@autocase/predictors/regex';
import rulesPredictor from '@autocase/predictors/rules';

/** First-party predictors the admin can switch on or configure without a plugin-list entry. */
export const MANAGED_PREDICTORS: Record<string, { plugin: Predictor<unknown>; packageName: string }> = {
  rules: { plugin: rulesPredictor as Predictor<unknown>, packageName: '@autocase/predictors/rules' },
  regex: { plugin: regexPredictor as Predictor<unknown>, packageName: '@autocase/predictors/regex' },
  learned: { plugin: learnedPredictor as Predictor<unknown>, packageName: '@autocase/predictors/learned' },
  llm: { plugin: llmPredictor as Predictor<unknown>, packageName: '@autocase/predictors/llm' },
};
