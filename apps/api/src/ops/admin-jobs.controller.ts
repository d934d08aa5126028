import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@autocase/core';
import { z } from 'zod';
import { Roles } from '../auth/auth-decorators.js';
import { ApiZodQuery } from '../http/api-zod-body.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { JOB_STATUSES, type HostJobQueue, type JobSummary } from '../queue/host-job-queue.js';
import { JOB_QUEUE } from '../tokens.js';

const JobListQuerySchema = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  name: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

@ApiTags('admin: jobs')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/jobs')
export class AdminJobsController {
  constructor(@Inject(JOB_QUEUE) private readonly queue: HostJobQueue) {}

  /** Background jobs, newest first: what is waiting, running, done or failed (with the last error). */
  @Get()
  @ApiZodQuery(JobListQuerySchema)
  async list(@Query(new ZodValidationPipe(JobListQuerySchema, 'query')) query: z.infer<typeof JobListQuerySchema>): Promise<{ items: JobSummary[]; kind: string }> {
    return { items: await this.queue.listJobs(query), kind: this.queue.kind };
  }

  /** Runs a failed job again from its first attempt. */
  @Post(':id/retry')
  @HttpCode(202)
  async retry(@Param('id') id: string): Promise<{ id: string; status: 'pending' }> {
    if (!(await this.queue.retryJob(id))) throw new NotFoundError('failed job', id);
    return { id, status: 'pending' };
  }
}
