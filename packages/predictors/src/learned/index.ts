export { GUIDE_THRESHOLDS, thresholdFigures, trainLearnedModel, type TrainingExample, type TrainOptions, type TrainProgress } from './train.js';
export {
  serializeLearnedModel,
  deserializeLearnedModel,
  SerializedLearnedModelSchema,
  SERIALIZED_MODEL_FORMAT,
  type LearnedModel,
  type SerializedLearnedModel,
  type HeldOutMetrics,
  type ThresholdFigures,
} from './learned-model.js';
export { TextClassifier, type Classification } from './text-classifier.js';
export { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './text-features.js';
export { default, learnedConfigSchema, LEARNED_PREDICTOR_ID, type LearnedConfig, type LearnedModelLoader } from './learned-predictor.js';
