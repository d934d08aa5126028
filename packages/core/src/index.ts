// Domain
export * from './domain/field-definition.js';
export * from './domain/prediction.js';
export * from './domain/case.js';
export * from './domain/audit.js';
export * from './domain/conversation.js';
export * from './domain/settings.js';
export * from './domain/errors.js';
// Plugin contracts (versioned)
export * from './plugins/errors.js';
export * from './plugins/plugin-context.js';
export * from './plugins/predictor.js';
export * from './plugins/summarizer.js';
export * from './plugins/channel.js';
// Ports
export * from './ports/repositories.js';
export * from './ports/services.js';
// Engine
export * from './engine/field-value-validation.js';
export * from './engine/merge-predictions.js';
export * from './engine/enough-context.js';
export * from './engine/prediction-runner.js';
export * from './engine/evidence-check.js';
export * from './engine/backtest.js';
export * from './ports/prediction-log.js';
// Email channel: domain, ARC rules, ports, processing
export * from './domain/email.js';
export * from './domain/arc-rule.js';
export * from './ports/email-ports.js';
export * from './use-cases/process-inbound-email.js';
export * from './use-cases/process-inbound-email-arc-evaluation.js';
export * from './use-cases/process-inbound-email-acknowledgement.js';
export * from './use-cases/process-inbound-email-send-acknowledgement.js';
export * from './use-cases/process-inbound-email-tracking-token.js';
export * from './use-cases/process-inbound-email-threading.js';
export * from './use-cases/process-inbound-email-case-actions.js';
export * from './use-cases/process-inbound-email-delivery-failure.js';
export * from './use-cases/process-inbound-email-claim.js';
export * from './use-cases/process-inbound-email-category.js';
// Use cases
export * from './use-cases/case-engine-deps.js';
export * from './use-cases/case-engine.js';
export * from './use-cases/conversation-context-mapping.js';
export * from './use-cases/conversation-predictions.js';
export * from './use-cases/create-case-from-conversation.js';
export * from './use-cases/update-case-from-conversation.js';
export * from './use-cases/manual-input-validation.js';
export * from './use-cases/apply-manual-edit.js';
export * from './use-cases/create-manual-case.js';
export * from './use-cases/start-conversation.js';
export * from './use-cases/conversation-summary-note.js';
export * from './use-cases/conversation-transitions.js';
export * from './use-cases/conversation-state-change.js';
export * from './use-cases/conversation-case-work.js';
export * from './use-cases/add-case-note.js';
export * from './use-cases/save-arc-rule.js';
export * from './domain/settings-changes.js';
