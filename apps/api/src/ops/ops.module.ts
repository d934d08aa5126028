import { Module } from '@nestjs/common';
import { AdminJobsController } from './admin-jobs.controller.js';
import { HealthController } from './health.controller.js';

@Module({ controllers: [HealthController, AdminJobsController] })
export class OpsModule {}
