// Built-in spam classifier: features, model file, training and adaptation to people's decisions.
export * from './spam-features.js';
export * from './spam-model.js';
export * from './spam-classifier.js';
export * from './train-spam-model.js';
export * from './base-spam-model.js';
