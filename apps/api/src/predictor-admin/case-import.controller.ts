import { BadRequestException, Controller, Delete, Get, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../auth/auth-decorators.js';
import { ImportFormatError, parseCaseImport, type ImportRowError } from './case-import-parser.js';
import type { PredictorAdmin } from './predictor-admin.js';
import { PREDICTOR_ADMIN } from './predictor-admin.tokens.js';
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

  /** How many examples are stored, per field and per label. */
  @Get()
  async counts(): Promise<{ total: number; fields: { field: string; examples: number; labels: { value: string; count: number }[] }[] }> {
    const counts = await this.admin.examples.counts();
    return {
      total: counts.total,
      fields: Object.entries(counts.fields).map(([field, entry]) => ({
        field,
        examples: entry.examples,
        labels: Object.entries(entry.labels).map(([value, count]) => ({ value, count })).sort((left, right) => right.count - left.count || left.value.localeCompare(right.value)),
      })),
    };
  }

  /** Deletes every imported example (trained models stay until the next training). */
  @Delete()
  async clear(): Promise<{ deleted: number }> {
    return { deleted: await this.admin.examples.clear() };
  }
}
