import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { NotFoundError, applyManualEdit, createManualCase, type AuditEntry, type CaseEngineDeps, type Note } from '@autocase/core';
import type { z } from 'zod';
import { CurrentUser } from '../auth/auth-decorators.js';
import type { User } from '../auth/user.js';
import { ApiZodBody, ApiZodQuery } from '../http/api-zod-body.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { CASE_ENGINE } from '../tokens.js';
import { CaseCreateSchema, CaseEditSchema, CaseListQuerySchema, NoteCreateSchema } from './case-schemas.js';
import { toCaseView, type CaseView } from './case-view.js';
import { PREDICTION_LOG_RESPONSE_SCHEMA, toPredictionLogView, type PredictionLogEntryView } from './prediction-log-view.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(@Inject(CASE_ENGINE) private readonly engine: CaseEngineDeps) {}

  @Get()
  @ApiZodQuery(CaseListQuerySchema)
  async list(@Query(new ZodValidationPipe(CaseListQuerySchema, 'query')) query: z.infer<typeof CaseListQuerySchema>): Promise<{ items: CaseView[]; total: number; page: number; pageSize: number }> {
    const page = await this.engine.cases.list(query);
    return { items: page.items.map(toCaseView), total: page.total, page: query.page, pageSize: query.pageSize };
  }

  @Post()
  @ApiZodBody(CaseCreateSchema)
  async create(@Body(new ZodValidationPipe(CaseCreateSchema)) body: z.infer<typeof CaseCreateSchema>, @CurrentUser() user: User): Promise<CaseView> {
    const created = await createManualCase(this.engine, { ...body, actorId: user.id, actorName: user.displayName ?? user.email });
    return toCaseView(created);
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<CaseView> {
    return toCaseView(await this.requireCase(id));
  }

  /**
   * Manual edit by an agent: changed fields get provenance `agent` and are audited. Without
   * `expectedVersion` an edit racing another save (an AI update) is merged when the two touch
   * different fields; 409 only when a field of the edit changed under the agent.
   */
  @Patch(':id')
  @ApiZodBody(CaseEditSchema)
  @ApiResponse({ status: 409, description: 'with expectedVersion: the case changed since that version; without it: a field of this edit was changed meanwhile by someone else (reload and edit again)' })
  async edit(@Param('id') id: string, @Body(new ZodValidationPipe(CaseEditSchema)) body: z.infer<typeof CaseEditSchema>, @CurrentUser() user: User): Promise<{ case: CaseView; changed: string[] }> {
    const result = await applyManualEdit(this.engine, { caseId: id, actorId: user.id, actorName: user.displayName ?? user.email, ...body });
    return { case: toCaseView(result.case), changed: result.changed };
  }

  @Get(':id/audit')
  async audit(@Param('id') id: string): Promise<{ items: AuditEntry[]; total: number }> {
    await this.requireCase(id);
    const items = await this.engine.audit.listForCase(id);
    return { items, total: items.length };
  }

  /** The case's prediction log: every prediction run with the engine's decisions and abstentions, newest first. */
  @Get(':id/predictions')
  @ApiOperation({ summary: "The case's prediction log (id or case number): per run the trigger, predictors, decisions with reasons, abstentions and predictor errors, newest first" })
  @ApiOkResponse({ schema: PREDICTION_LOG_RESPONSE_SCHEMA as never })
  @ApiResponse({ status: 401, description: 'no or invalid bearer token' })
  @ApiResponse({ status: 404, description: 'no case with that id or number' })
  async predictions(@Param('id') id: string): Promise<{ items: PredictionLogEntryView[]; total: number }> {
    const caseRecord = await this.requireCase(id);
    return toPredictionLogView((await this.engine.predictionLog?.listForCase(caseRecord.id)) ?? []);
  }

  @Get(':id/notes')
  async notes(@Param('id') id: string): Promise<{ items: Note[]; total: number }> {
    await this.requireCase(id);
    const items = await this.engine.notes.listForCase(id);
    return { items, total: items.length };
  }

  @Post(':id/notes')
  @ApiZodBody(NoteCreateSchema)
  async addNote(@Param('id') id: string, @Body(new ZodValidationPipe(NoteCreateSchema)) body: z.infer<typeof NoteCreateSchema>, @CurrentUser() user: User): Promise<Note> {
    const caseRecord = await this.requireCase(id);
    const { note } = await this.engine.notes.add({ caseId: caseRecord.id, kind: 'manual', body: body.body, authorId: user.id, dedupeKey: null });
    await this.engine.audit.append([
      { id: note.id, caseId: caseRecord.id, at: note.createdAt, action: 'note-added', actor: { type: 'user', id: user.id, name: user.displayName ?? user.email }, source: 'agent', reason: 'note added by an agent' },
    ]);
    await this.engine.events.publish({ type: 'note.added', caseId: caseRecord.id, noteId: note.id });
    return note;
  }

  private async requireCase(idOrNumber: string) {
    const found = (await this.engine.cases.get(idOrNumber)) ?? (/^[A-Z][A-Z0-9]*-\d+$/i.test(idOrNumber) ? await this.engine.cases.getByNumber(idOrNumber) : null);
    if (!found) throw new NotFoundError('case', idOrNumber);
    return found;
  }
}
