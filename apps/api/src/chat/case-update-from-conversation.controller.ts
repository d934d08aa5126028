import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFoundError, updateCaseFromConversation, type CaseEngineDeps } from '@autocase/core';
import { CurrentUser, Roles } from '../auth/auth-decorators.js';
import type { User } from '../auth/user.js';
import { toCaseView, type CaseView } from '../cases/case-view.js';
import { CASE_ENGINE } from '../tokens.js';

/** "Update from conversation": `{ changed: [keys], case }`, or `{ changed: [], message, case }` when nothing changed. */
@ApiTags('cases')
@ApiBearerAuth()
@Roles('agent', 'admin')
@Controller('cases')
export class CaseUpdateFromConversationController {
  constructor(@Inject(CASE_ENGINE) private readonly engine: CaseEngineDeps) {}

  @Post(':id/update-from-conversation')
  @HttpCode(200)
  async update(@Param('id') id: string, @CurrentUser() user: User): Promise<{ changed: string[]; case: CaseView; proposals: { field: string; value: unknown; confidence: number; predictor: string }[]; message?: string }> {
    const caseRecord = (await this.engine.cases.get(id)) ?? (/^[A-Z][A-Z0-9]*-\d+$/i.test(id) ? await this.engine.cases.getByNumber(id) : null);
    if (!caseRecord) throw new NotFoundError('case', id);
    const result = await updateCaseFromConversation(this.engine, { caseId: caseRecord.id, requestedBy: user.displayName ?? user.email, trigger: 'agent-request' });
    // Values the conversation suggests for what the customer gave (survey email, phone): the agent decides.
    const proposals = result.proposals.map((proposal) => ({ field: proposal.field, value: proposal.value, confidence: proposal.confidence, predictor: proposal.predictor.id }));
    return { changed: result.changed, case: toCaseView(result.case), proposals, ...(result.message ? { message: result.message } : {}) };
  }
}
