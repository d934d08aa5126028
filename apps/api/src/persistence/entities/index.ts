import { AuditEntryEntity, NoteEntity, PredictionLogEntity } from './audit-note-entities.js';
import { CaseEntity, CounterEntity } from './case-entities.js';
import { ConfigurationEntity } from './configuration-entity.js';
import { ChatMessageEntity, ConversationEntity } from './conversation-entities.js';
import { JobEntity } from './job-entity.js';
import { AuthTokenEntity, UserEntity } from './user-entities.js';

export { AuditEntryEntity, NoteEntity, PredictionLogEntity, CaseEntity, CounterEntity, ConfigurationEntity, ChatMessageEntity, ConversationEntity, JobEntity, AuthTokenEntity, UserEntity };

/** Every entity of the API host. Feature modules with their own tables add theirs through `registerEntities`. */
export const CORE_ENTITIES = [UserEntity, AuthTokenEntity, ConfigurationEntity, CaseEntity, CounterEntity, AuditEntryEntity, NoteEntity, PredictionLogEntity, ConversationEntity, ChatMessageEntity, JobEntity];
