export { default, REGEX_PREDICTOR_ID } from './regex-predictor.js';
export { regexConfigSchema, FieldExtractorSchema, type RegexConfig, type ParsedRegexConfig, type FieldExtractor } from './regex-config.js';
export { NORMALIZATIONS, type Normalization } from './pattern-extractor.js';
