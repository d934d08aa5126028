import { BadRequestException, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { NotFoundError } from '@autocase/core';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import { validationException } from '../http/zod-validation-pipe.js';
import type { Request } from 'express';
import { Roles } from '../auth/auth-decorators.js';
import { ImportFormatError, parseCaseImport, type ImportRowError } from './case-import-parser.js';
import type { PredictorAdmin } from './predictor-admin.js';
import { PREDICTOR_ADMIN } from './predictor-admin.tokens.js';
import type { TrainingExampleCounts } from './training-example-store.js';
import { uploadText } from './upload-body.js';

export interface ImportAnswer {
  format: 'json' | 'ndjson' | 'csv';
  /** Rows read (good and bad). */
  total: number;
  imported: number;
  skipped: number;
  /** One entry per problem: the row (1-based array index, or CSV/NDJSON line number), the field when one is at fault, and what was wrong. */
  errors: ImportRowError[];
  batchId: string | null;
  /** Stored examples after this import. */
  storedExamples: number;
}

@ApiTags('admin: predictors')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/cases/import')
export class CaseImportController {
  constructor(@Inject(PREDICTOR_ADMIN) private readonly admin: PredictorAdmin) {}

  /**
   * Imports labelled historical cases (JSON array, NDJSON, or CSV with a header row: `text` or
   * `subject`/`description`, then one column per field key); up to 20 MB. Good rows are kept,
   * bad rows are reported. 400 when the upload as a whole is unreadable or no row is usable.
   */
  @Post()
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv', 'application/x-ndjson')
  @ApiBody({ description: 'JSON: [{ text | subject + description, fields: { key: value } }]; CSV: text,<fieldKey>,…', schema: { type: 'string' } })
  async import(@Req() request: Request, @Headers('content-type') contentType?: string): Promise<ImportAnswer> {
    const fields = await this.admin.fields;
    let parsed;
    try {
      parsed = parseCaseImport(uploadText(request.body), contentType, fields);
    } catch (error) {
      if (error instanceof ImportFormatError) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: error.message, issues: [{ path: '(body)', message: error.message }] });
      throw error;
    }
    const total = parsed.cases.length + new Set(parsed.errors.map((error) => error.row)).size;
    if (parsed.cases.length === 0) {
      const message = `no row could be imported: ${parsed.errors.slice(0, 5).map((error) => `row ${error.row}: ${error.message}`).join('; ')}${parsed.errors.length > 5 ? `; and ${parsed.errors.length - 5} more` : ''}`;
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message, issues: parsed.errors.map((error) => ({ path: `row ${error.row}${error.field ? `.${error.field}` : ''}`, message: error.message })), errors: parsed.errors, imported: 0, skipped: total });
    }
    const batchId = await this.admin.examples.add(parsed.cases);
    return { format: parsed.format, total, imported: parsed.cases.length, skipped: total - parsed.cases.length, errors: parsed.errors, batchId, storedExamples: await this.admin.examples.count() };
  }

  /** How many examples are stored, per field and per label, and per import (`batches`, newest first). Kept counts: no example is read. */
  @Get()
  async counts(): Promise<{ total: number; fields: { field: string; examples: number; labels: { value: string; count: number }[] }[]; batches: { batchId: string; importedAt: string; examples: number }[] }> {
    const batches = await this.admin.examples.batches();
    const counts: TrainingExampleCounts = { total: 0, fields: {} };
    for (const batch of batches) {
      counts.total += batch.total;
      for (const [key, entry] of Object.entries(batch.fields)) {
        const field = (counts.fields[key] ??= { examples: 0, labels: {} });
        field.examples += entry.examples;
        for (const [label, count] of Object.entries(entry.labels)) field.labels[label] = (field.labels[label] ?? 0) + count;
      }
    }
    return {
      total: counts.total,
      fields: Object.entries(counts.fields).map(([field, entry]) => ({
        field,
        examples: entry.examples,
        labels: Object.entries(entry.labels).map(([value, count]) => ({ value, count })).sort((left, right) => right.count - left.count || left.value.localeCompare(right.value)),
      })),
      batches: batches.map((batch) => ({ batchId: batch.batchId, importedAt: batch.importedAt, examples: batch.total })),
    };
  }

  /** Deletes one import by the `batchId` its upload answered (trained models stay until the next training). */
  @Delete(':batchId')
  async deleteBatch(@Param('batchId') batchId: string): Promise<{ deleted: number; batchId: string }> {
    const deleted = await this.admin.examples.deleteBatch(batchId);
    if (deleted === null) throw new NotFoundError('Import batch', batchId);
    return { deleted, batchId };
  }

  /** Deletes every imported example, and only when asked explicitly with `?all=true`. */
  @Delete()
  @ApiQuery({ name: 'all', required: true, description: 'must be `true`: deletes every import (to delete one, DELETE /admin/cases/import/:batchId)' })
  async clear(@Query('all') all?: string): Promise<{ deleted: number }> {
    if (all !== 'true') throw validationException([{ path: 'all', message: 'deleting every imported example needs ?all=true; to delete one import, DELETE /api/admin/cases/import/<batchId>' }]);
    return { deleted: await this.admin.examples.clear() };
  }
}
