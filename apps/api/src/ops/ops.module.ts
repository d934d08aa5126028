import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AdminJobsController } from './admin-jobs.controller.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [AuthModule], controllers: [HealthController, AdminJobsController] })
export class OpsModule {}
