import type { Case } from '../domain/case.js';
import type { ChatMessage, Conversation } from '../domain/conversation.js';
import type { Note } from '../domain/audit.js';
import { addCaseNote, type AddCaseNoteInput } from './add-case-note.js';
import { applyManualEdit, type ApplyManualEditInput, type ApplyManualEditResult } from './apply-manual-edit.js';
import type { CaseEngineDeps } from './case-engine-deps.js';
import { completeEndedConversation, createOrUpdateCaseAtWrapUp, type EndCaseWorkResult, type WrapUpCaseWorkResult } from './conversation-case-work.js';
import {
  acceptConversation,
  endConversation,
  wrapUpConversation,
  type AcceptConversationResult,
  type EndConversationResult,
  type TransitionOptions,
  type WrapUpConversationResult,
} from './conversation-transitions.js';
import { createCaseFromConversation, type CreateCaseFromConversationInput, type CreateCaseFromConversationResult } from './create-case-from-conversation.js';
import { createManualCase, type CreateManualCaseInput } from './create-manual-case.js';
import { postMessage, startConversation, type PostMessageInput, type StartConversationInput } from './start-conversation.js';
import { updateCaseFromConversation, type UpdateCaseFromConversationInput, type UpdateCaseFromConversationResult } from './update-case-from-conversation.js';

/** The case use cases bound to one set of dependencies (e.g. one NestJS provider). */
export class CaseEngine {
  constructor(readonly deps: CaseEngineDeps) {}

  startConversation(input: StartConversationInput = {}): Promise<Conversation> {
    return startConversation(this.deps, input);
  }

  postMessage(input: PostMessageInput): Promise<ChatMessage> {
    return postMessage(this.deps, input);
  }

  acceptConversation(input: { conversationId: string; agentId: string } & TransitionOptions): Promise<AcceptConversationResult> {
    return acceptConversation(this.deps, input);
  }

  wrapUpConversation(input: { conversationId: string } & TransitionOptions): Promise<WrapUpConversationResult> {
    return wrapUpConversation(this.deps, input);
  }

  endConversation(input: { conversationId: string } & TransitionOptions): Promise<EndConversationResult> {
    return endConversation(this.deps, input);
  }

  createCaseFromConversation(input: CreateCaseFromConversationInput): Promise<CreateCaseFromConversationResult> {
    return createCaseFromConversation(this.deps, input);
  }

  updateCaseFromConversation(input: UpdateCaseFromConversationInput): Promise<UpdateCaseFromConversationResult> {
    return updateCaseFromConversation(this.deps, input);
  }

  applyManualEdit(input: ApplyManualEditInput): Promise<ApplyManualEditResult> {
    return applyManualEdit(this.deps, input);
  }

  createManualCase(input: CreateManualCaseInput): Promise<Case> {
    return createManualCase(this.deps, input);
  }

  addCaseNote(input: AddCaseNoteInput): Promise<Note> {
    return addCaseNote(this.deps, input);
  }

  createOrUpdateCaseAtWrapUp(input: { conversationId: string }): Promise<WrapUpCaseWorkResult> {
    return createOrUpdateCaseAtWrapUp(this.deps, input);
  }

  completeEndedConversation(input: { conversationId: string }): Promise<EndCaseWorkResult> {
    return completeEndedConversation(this.deps, input);
  }
}
