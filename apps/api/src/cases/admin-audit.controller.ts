import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, AuditRepository, CaseRepository, Page } from '@autocase/core';
import type { z } from 'zod';
import { Roles } from '../auth/auth-decorators.js';
import { ApiZodQuery } from '../http/api-zod-body.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { AUDIT_REPOSITORY, CASE_REPOSITORY } from '../tokens.js';
import { AuditQuerySchema } from './case-schemas.js';

@ApiTags('admin: audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit')
export class AdminAuditController {
  constructor(
    @Inject(AUDIT_REPOSITORY) private readonly audit: AuditRepository,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
  ) {}

  /** Every audited change, newest first, filterable by case (its id or number, e.g. CAS-00042), source, field and time. */
  @Get()
  @ApiZodQuery(AuditQuerySchema)
  async list(@Query(new ZodValidationPipe(AuditQuerySchema, 'query')) query: z.infer<typeof AuditQuerySchema>): Promise<Page<AuditEntry>> {
    if (query.caseId && /^[A-Z][A-Z0-9]*-\d+$/i.test(query.caseId.trim())) {
      const found = await this.cases.getByNumber(query.caseId.trim().toUpperCase());
      if (!found) return { items: [], total: 0 };
      return this.audit.list({ ...query, caseId: found.id });
    }
    return this.audit.list(query);
  }
}
