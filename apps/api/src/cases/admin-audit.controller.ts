import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, AuditRepository, Page } from '@autocase/core';
import type { z } from 'zod';
import { Roles } from '../auth/auth-decorators.js';
import { ApiZodQuery } from '../http/api-zod-body.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { AUDIT_REPOSITORY } from '../tokens.js';
import { AuditQuerySchema } from './case-schemas.js';

@ApiTags('admin: audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit')
export class AdminAuditController {
  constructor(@Inject(AUDIT_REPOSITORY) private readonly audit: AuditRepository) {}

  /** Every audited change, newest first, filterable by case, source, field and time. */
  @Get()
  @ApiZodQuery(AuditQuerySchema)
  list(@Query(new ZodValidationPipe(AuditQuerySchema, 'query')) query: z.infer<typeof AuditQuerySchema>): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }
}
