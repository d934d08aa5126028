import { createHash } from 'node:crypto';
import type { Evidence, Prediction, PredictionInput, PredictionResult, Predictor, PredictorInstance } from '@autocase/core';
import { throwIfAborted } from '../shared/abort.js';
import { messagesBy } from '../shared/message-authors.js';
import { evaluateCondition } from './rule-conditions.js';
import { rulesConfigSchema, type ParsedRulesConfig, type Rule } from './rules-config.js';

export const RULES_PREDICTOR_ID = 'rules';

function ruleMatches(rule: Rule, input: PredictionInput, config: ParsedRulesConfig): Evidence[] | null {
  const messages = messagesBy(input.messages, config.authors);
  const evidence: Evidence[] = [];
  let matched = 0;
  for (const condition of rule.conditions) {
    const outcome = evaluateCondition(condition, input, messages);
    if (outcome.holds) {
      matched += 1;
      evidence.push(...outcome.evidence);
      if (rule.match === 'any') break;
    } else if (rule.match === 'all') return null;
  }
  return matched > 0 ? evidence : null;
}

function createRulesInstance(config: ParsedRulesConfig): PredictorInstance {
  const version = `rules-${createHash('sha256').update(JSON.stringify(config.rules)).digest('hex').slice(0, 12)}`;
  return {
    version,
    async doPredict(input: PredictionInput): Promise<PredictionResult> {
      throwIfAborted(input.signal);
      const predictions: Prediction[] = [];
      if (input.messages.length === 0) return { predictions };
      const asked = new Set(input.fields.map((field) => field.key));
      const warnings: string[] = [];
      config.rules.forEach((rule, index) => {
        if (!rule.enabled || !asked.has(rule.field) || predictions.some((prediction) => prediction.field === rule.field)) return;
        const evidence = ruleMatches(rule, input, config);
        if (!evidence) return;
        const field = input.fields.find((candidate) => candidate.key === rule.field)!;
        if (field.type === 'choice' && field.options.length > 0 && !field.options.some((option) => option.value === rule.value)) {
          warnings.push(`rule ${rule.id ?? index + 1} sets "${rule.field}" to ${JSON.stringify(rule.value)}, which is not an option of the field`);
          return;
        }
        predictions.push({ field: rule.field, value: rule.value, confidence: rule.confidence, evidence: evidence.slice(0, 3), predictor: { id: RULES_PREDICTOR_ID, version } });
      });
      return warnings.length ? { predictions, warnings } : { predictions };
    },
  };
}

/** Admin-defined rules: conditions over the text and the context → a value for a field. */
const rulesPredictor: Predictor<ParsedRulesConfig> = {
  specificationVersion: 'v1',
  id: RULES_PREDICTOR_ID,
  displayName: 'Rules',
  configSchema: rulesConfigSchema,
  create: (config) => createRulesInstance(config),
};

export default rulesPredictor;
