/**
 * Injection tokens of the API host. Feature modules inject ports through these tokens
 * (always with an explicit `@Inject(TOKEN)`), never through concrete classes.
 */
export const APP_CONFIG = Symbol('AppConfig');
/** The SecretBox that encrypts secrets stored in the database (infrastructure/secret-box.ts). */
export const SECRET_BOX = Symbol('SecretBox');
export const MIKRO_ORM = Symbol('MikroORM');
export const CASE_REPOSITORY = Symbol('CaseRepository');
export const AUDIT_REPOSITORY = Symbol('AuditRepository');
export const NOTE_REPOSITORY = Symbol('NoteRepository');
export const CONVERSATION_REPOSITORY = Symbol('ConversationRepository');
export const CONFIGURATION_REPOSITORY = Symbol('ConfigurationRepository');
export const USER_REPOSITORY = Symbol('UserRepository');
export const JOB_QUEUE = Symbol('JobQueue');
export const JOB_HANDLERS = Symbol('JobHandlerRegistry');
export const EVENT_PUBLISHER = Symbol('EventPublisher');
export const CLOCK = Symbol('Clock');
export const APP_LOGGER = Symbol('AppLogger');
export const PLUGIN_REGISTRY = Symbol('PluginRegistry');
export const METRICS = Symbol('Metrics');
/** core's CaseEngineDeps (repositories + prediction runner + summarizer + prediction log); pass it to core use cases. */
export const CASE_ENGINE = Symbol('CaseEngineDeps');
/** AbortController aborted when the app shuts down (the plugins' context signal). */
export const PLUGIN_SHUTDOWN = Symbol('PluginShutdown');
/** The case engine's swappable predictors and summarizer (`PredictorRuntime`, the same object as `engine.predictors`); predictor administration swaps through it. */
export const PREDICTOR_RUNTIME = Symbol('PredictorRuntime');
