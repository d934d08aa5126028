// @autocase/predictors — first-party predictors and summarizers. Each is also importable on its own,
// e.g. `import learnedPredictor from '@autocase/predictors/learned'`.
export * from './learned/index.js';
export { default as learnedPredictor } from './learned/index.js';
export * from './regex/index.js';
export { default as regexPredictor } from './regex/index.js';
export * from './llm/index.js';
export { default as llmPredictor } from './llm/index.js';
export * from './rules/index.js';
export { default as rulesPredictor } from './rules/index.js';
export * from './summarizers/index.js';
export * from './spam/index.js';
