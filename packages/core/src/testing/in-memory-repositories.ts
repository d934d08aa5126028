import type { FieldDefinition } from '../domain/field-definition.js';
import type { Settings } from '../domain/settings.js';
import type { PredictionLogRepository } from '../ports/prediction-log.js';
import type { AuditRepository, CaseRepository, ConfigurationRepository, ConversationRepository, NoteRepository } from '../ports/repositories.js';
import type { Clock } from '../ports/services.js';
import { InMemoryAuditRepository } from './in-memory-audit-repository.js';
import { InMemoryCaseRepository } from './in-memory-case-repository.js';
import { InMemoryConfigurationRepository } from './in-memory-configuration-repository.js';
import { InMemoryConversationRepository } from './in-memory-conversation-repository.js';
import { InMemoryNoteRepository } from './in-memory-note-repository.js';
import { InMemoryPredictionLogRepository } from './in-memory-prediction-log-repository.js';

/** The repositories the case engine works with, as one set (what contract suites receive). */
export interface RepositorySet {
  cases: CaseRepository;
  audit: AuditRepository;
  notes: NoteRepository;
  conversations: ConversationRepository;
  configuration: ConfigurationRepository;
  predictionLog?: PredictionLogRepository;
}

export interface InMemoryRepositorySet extends RepositorySet {
  cases: InMemoryCaseRepository;
  audit: InMemoryAuditRepository;
  notes: InMemoryNoteRepository;
  conversations: InMemoryConversationRepository;
  configuration: InMemoryConfigurationRepository;
  predictionLog: InMemoryPredictionLogRepository;
}

export function createInMemoryRepositories(options: { clock?: Clock; fields?: FieldDefinition[]; settings?: Settings } = {}): InMemoryRepositorySet {
  const clock = options.clock;
  const configuration: { fields?: FieldDefinition[]; settings?: Settings } = {};
  if (options.fields) configuration.fields = options.fields;
  if (options.settings) configuration.settings = options.settings;
  return {
    cases: new InMemoryCaseRepository(clock ? { clock } : {}),
    audit: new InMemoryAuditRepository(),
    notes: new InMemoryNoteRepository(clock ? { clock } : {}),
    conversations: new InMemoryConversationRepository(clock ? { clock } : {}),
    configuration: new InMemoryConfigurationRepository(configuration),
    predictionLog: new InMemoryPredictionLogRepository(),
  };
}
