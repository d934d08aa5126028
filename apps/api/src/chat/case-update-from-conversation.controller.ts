import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFoundError, updateCaseFromConversation, type CaseEngineDeps, type FieldChange, type KeptField } from '@autocase/core';
import { CurrentUser, Roles } from '../auth/auth-decorators.js';
import type { User } from '../auth/user.js';
import { toCaseView, type CaseView } from '../cases/case-view.js';
import { CASE_ENGINE } from '../tokens.js';

/**
 * "Update from conversation": `{ changed: [keys], changes, kept, summary, proposals, case }`, plus `message` when
 * nothing changed. `changes` names each changed field with its old and new value, `kept` the fields
 * left alone because an agent set them (and why), `summary` says it all in one sentence.
 */
export interface UpdateFromConversationView {
  changed: string[];
  changes: FieldChange[];
  kept: KeptField[];
  summary: string;
  /** What the conversation says about values the customer gave themselves (survey email, phone), which are kept. */
  proposals: { field: string; value: unknown; confidence: number; predictor: string }[];
  case: CaseView;
  message?: string;
}

@ApiTags('cases')
@ApiBearerAuth()
@Roles('agent', 'admin')
@Controller('cases')
export class CaseUpdateFromConversationController {
  constructor(@Inject(CASE_ENGINE) private readonly engine: CaseEngineDeps) {}

  @Post(':id/update-from-conversation')
  @HttpCode(200)
  async update(@Param('id') id: string, @CurrentUser() user: User): Promise<UpdateFromConversationView> {
    const caseRecord = (await this.engine.cases.get(id)) ?? (/^[A-Z][A-Z0-9]*-\d+$/i.test(id) ? await this.engine.cases.getByNumber(id) : null);
    if (!caseRecord) throw new NotFoundError('case', id);
    const result = await updateCaseFromConversation(this.engine, { caseId: caseRecord.id, requestedBy: user.displayName ?? user.email, trigger: 'agent-request' });
    // Values the conversation suggests for what the customer gave (survey email, phone): the agent decides.
    const proposals = result.proposals.map((proposal) => ({ field: proposal.field, value: proposal.value, confidence: proposal.confidence, predictor: proposal.predictor.id }));
    return { changed: result.changed, changes: result.changes, kept: result.kept, summary: result.summary, proposals, case: toCaseView(result.case), ...(result.message ? { message: result.message } : {}) };
  }
}
