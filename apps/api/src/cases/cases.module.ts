import { Module } from '@nestjs/common';
import { AdminAuditController } from './admin-audit.controller.js';
import { CasesController } from './cases.controller.js';

@Module({ controllers: [CasesController, AdminAuditController] })
export class CasesModule {}
