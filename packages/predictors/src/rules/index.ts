export { default, RULES_PREDICTOR_ID } from './rules-predictor.js';
export { rulesConfigSchema, RuleSchema, RuleConditionSchema, type RulesConfig, type ParsedRulesConfig, type Rule, type RuleCondition } from './rules-config.js';
