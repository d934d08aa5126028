import { BadRequestException, Controller, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth-decorators.js';
import { ApiZodQuery } from '../http/api-zod-body.js';
import { describeZodIssues, validationException, ZodValidationPipe } from '../http/zod-validation-pipe.js';
import type { BacktestCaseRow, BacktestRunState } from './backtest-store.js';
import { ImportFormatError, parseCaseImport } from './case-import-parser.js';
import type { PredictorAdmin } from './predictor-admin.js';
import { PREDICTOR_ADMIN } from './predictor-admin.tokens.js';
import { uploadText } from './upload-body.js';

const BacktestRequestSchema = z.object({
  /** `stored` = resolved/closed cases with agent-confirmed values plus imported examples; `cases` or `imported` for one of them; `uploaded` = `content`. */
  source: z.enum(['stored', 'cases', 'imported', 'uploaded']).default('stored'),
  /** At most this many examples (default: all of them). */
  limit: z.coerce.number().int().positive('limit must be a positive whole number').optional(),
  /** Field keys to score (default every configured field). */
  fields: z.array(z.string().min(1)).optional(),
  format: z.enum(['csv', 'json', 'ndjson']).optional(),
  /** Uploaded examples: CSV/NDJSON text, or a JSON array (or its text) of { text, fields }. */
  content: z.union([z.string(), z.array(z.unknown())]).optional(),
});
type BacktestRequest = z.infer<typeof BacktestRequestSchema>;

const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  mismatchesOnly: z.enum(['true', 'false', '1', '0']).optional(),
});

export interface BacktestRunView extends BacktestRunState {
  /** One page of the per-case table (GET /admin/backtest/:id only). */
  cases?: BacktestCaseRow[];
  casesPage?: { page: number; pageSize: number; total: number };
}

const MAX_WAIT_SECONDS = 120;
const WAIT_POLL_MS = 200;
const CONTENT_TYPES: Record<string, string> = { csv: 'text/csv', json: 'application/json', ndjson: 'application/x-ndjson' };

@ApiTags('admin: predictors')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/backtest')
export class BacktestController {
  constructor(@Inject(PREDICTOR_ADMIN) private readonly admin: PredictorAdmin) {}

  /**
   * Starts a backtest job: JSON `{ source, limit?, fields?, format?, content? }`, or an uploaded
   * CSV / NDJSON body (`text/csv`, with `?limit=&fields=a,b`). Answers 202 with the run; poll `GET /admin/backtest/:id`
   * (or pass `?wait=60` to get the finished run in this answer when it completes in time).
   */
  @Post()
  @HttpCode(202)
  @ApiConsumes('application/json', 'text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'object' }, description: '{ source: stored|cases|imported|uploaded, limit?, fields?, format?: csv|json|ndjson, content? } or a CSV/NDJSON upload' })
  @ApiQuery({ name: 'wait', required: false, description: 'seconds (at most 120) to wait for the run to finish; a finished run answers 200 with its figures and first page of cases' })
  async start(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('content-type') contentType?: string,
    @Query('limit') limit?: string,
    @Query('fields') fields?: string,
    @Query('wait') wait?: string,
  ): Promise<BacktestRunView> {
    const waitSeconds = wait === undefined ? 0 : Number(wait);
    if (!Number.isFinite(waitSeconds) || waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) throw validationException([{ path: 'wait', message: `wait must be a number of seconds between 0 and ${MAX_WAIT_SECONDS}` }]);
    const run = await this.startRun(uploadText(request.body), contentType ?? '', limit, fields);
    if (waitSeconds === 0) return run;
    const deadline = Date.now() + waitSeconds * 1000;
    for (;;) {
      const current = (await this.admin.backtests.get(run.id))!;
      if (current.status === 'done' || current.status === 'failed') {
        response.status(200);
        return this.get(run.id, { page: 1, pageSize: 50 });
      }
      if (Date.now() >= deadline) return current;
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    }
  }

  private async startRun(body: string, contentType: string, limit: string | undefined, fields: string | undefined): Promise<BacktestRunState> {
    const input = this.readRequest(body, contentType, limit, fields);
    const known = (await this.admin.fields).map((field) => field.key);
    const unknown = (input.fields ?? []).filter((key) => !known.includes(key));
    if (unknown.length > 0) throw validationException(unknown.map((key) => ({ path: 'fields', message: `"${key}" is not a configured case field` })));
    const base = { source: input.source, limit: input.limit ?? null, fieldKeys: input.fields ?? null };
    if (input.source !== 'uploaded') {
      const run = await this.admin.backtests.create({ ...base, uploadErrors: [], total: await this.admin.storedExampleBound(input.source) });
      await this.admin.enqueueBacktest(run.id);
      return run;
    }
    if (input.content === undefined) throw validationException([{ path: 'content', message: 'uploaded backtests need `content` (CSV text or a JSON array of { text, fields })' }]);
    const text = typeof input.content === 'string' ? input.content : JSON.stringify(input.content);
    let parsed;
    try {
      parsed = parseCaseImport(text, input.format ? CONTENT_TYPES[input.format] : undefined, await this.admin.fields);
    } catch (error) {
      if (error instanceof ImportFormatError) throw validationException([{ path: 'content', message: error.message }]);
      throw error;
    }
    if (parsed.cases.length === 0) throw validationException(parsed.errors.map((error) => ({ path: `content.row ${error.row}${error.field ? `.${error.field}` : ''}`, message: error.message })));
    const run = await this.admin.backtests.create({ ...base, uploadErrors: parsed.errors, total: parsed.cases.length });
    await this.admin.backtests.putRows(run.id, parsed.cases.map((item, position) => ({ position, row: { id: `row-${item.row}`, title: `Row ${item.row}`, source: 'upload', text: item.text, expected: item.fields } })));
    await this.admin.enqueueBacktest(run.id);
    return run;
  }

  /** Recent runs (without their per-case rows). */
  @Get()
  async recent(): Promise<{ items: BacktestRunState[] }> {
    return { items: await this.admin.backtests.recent() };
  }

  /** A run's status, progress and per-field figures, with one page of actual vs predicted per case. */
  @Get(':id')
  @ApiZodQuery(PageQuerySchema)
  async get(@Param('id') id: string, @Query(new ZodValidationPipe(PageQuerySchema)) query: z.input<typeof PageQuerySchema>): Promise<BacktestRunView> {
    const { page: pageNumber, pageSize, mismatchesOnly: mismatches } = PageQuerySchema.parse(query);
    const run = await this.admin.backtests.get(id);
    if (!run) throw new NotFoundException(`backtest run ${id} does not exist`);
    if (run.status !== 'done' && run.status !== 'failed') return run;
    const mismatchesOnly = mismatches === 'true' || mismatches === '1';
    const page = await this.admin.backtests.page(id, pageNumber, pageSize, { mismatchesOnly });
    return { ...run, cases: page.items, casesPage: { page: pageNumber, pageSize, total: page.total } };
  }

  private readRequest(body: string, contentType: string, limit: string | undefined, fields: string | undefined): BacktestRequest {
    const type = contentType.toLowerCase();
    const fieldList = fields ? fields.split(',').map((key) => key.trim()).filter(Boolean) : undefined;
    if (!type.includes('json') || type.includes('ndjson')) {
      const format = type.includes('ndjson') ? 'ndjson' : 'csv';
      return this.validate({ source: 'uploaded', format, content: body, ...(limit ? { limit } : {}), ...(fieldList ? { fields: fieldList } : {}) });
    }
    let parsed: unknown;
    try {
      parsed = body.trim() ? JSON.parse(body) : {};
    } catch (error) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `the body is not valid JSON: ${(error as Error).message}`, issues: [{ path: '(body)', message: 'not valid JSON' }] });
    }
    if (Array.isArray(parsed)) return this.validate({ source: 'uploaded', format: 'json', content: parsed, ...(limit ? { limit } : {}), ...(fieldList ? { fields: fieldList } : {}) });
    return this.validate(parsed);
  }

  private validate(value: unknown): BacktestRequest {
    const result = BacktestRequestSchema.safeParse(value);
    if (!result.success) throw validationException(describeZodIssues(result.error));
    return result.data;
  }
}
