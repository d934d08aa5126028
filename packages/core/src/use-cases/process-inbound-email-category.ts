import type { PredictionMessage } from '../plugins/predictor.js';
import type { PredictionRunnerPort } from '../engine/prediction-runner.js';
import type { ConfigurationRepository } from '../ports/repositories.js';

/** The case field whose predicted value is the email's category for ARC `category` conditions. */
export const EMAIL_CATEGORY_FIELD = 'category';

export interface EmailCategoryDependencies {
  predictions?: PredictionRunnerPort;
  configuration: Pick<ConfigurationRepository, 'getFields'>;
}

/**
 * The email's category for an ARC rule's `category` condition: the configured predictors (rules,
 * learned, LLM…) fill the `category` case field for the email; the most confident string value at
 * or above the field's threshold wins. Null when there is no such field, no predictor, or no
 * confident answer.
 */
export async function predictEmailCategory(deps: EmailCategoryDependencies, input: { messages: PredictionMessage[]; context: Record<string, string> }): Promise<string | null> {
  if (!deps.predictions) return null;
  const field = (await deps.configuration.getFields()).find((candidate) => candidate.key === EMAIL_CATEGORY_FIELD);
  if (!field) return null;
  const report = await deps.predictions.run({ fields: [{ ...field, fillOn: ['emailCreation'] }], ...input, channel: 'email', scope: 'emailCreation' });
  const best = report.predictions
    .filter((prediction) => prediction.field === EMAIL_CATEGORY_FIELD && typeof prediction.value === 'string')
    .sort((left, right) => right.confidence - left.confidence)[0];
  return best && best.confidence >= field.threshold ? (best.value as string) : null;
}
