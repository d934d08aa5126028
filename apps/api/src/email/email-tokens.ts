/** Injection tokens of the email feature (see tokens.ts for the host's). */
export const EMAIL_PROCESSING = Symbol('EmailProcessingDependencies');
export const EMAIL_INTAKE = Symbol('EmailIntake');
export const EMAIL_CHANNELS = Symbol('EmailChannels');
export const EMAIL_SETTINGS = Symbol('EmailChannelConfig');
export const EMAIL_METRICS = Symbol('EmailMetrics');
export const EMAIL_SWEEPER = Symbol('EmailSweeper');
export const EMAIL_JOB_SETTINGS = Symbol('EmailJobSettings');
