import { Controller, HttpCode, Inject, Module, NotFoundException, Post, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Express } from 'express';
import { CurrentUser, Roles } from '../auth/auth-decorators.js';
import type { User } from '../auth/user.js';
import type { SecretBox } from '../infrastructure/secret-box.js';
import { JOB_QUEUE, SECRET_BOX } from '../tokens.js';
import { BullJobQueue } from './bull-job-queue.js';
import { BULL_BOARD_PATH, createBullBoardHandlers } from './bull-board-router.js';
import { BoardSessionSigner } from './bull-board-session.js';
import type { HostJobQueue } from './host-job-queue.js';

/** The board session signer; its key is derived from the deployment's secret key. */
const BOARD_SIGNER = Symbol('BullBoardSessionSigner');

@ApiTags('admin: jobs')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues')
export class BullBoardSessionController {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: HostJobQueue,
    @Inject(BOARD_SIGNER) private readonly signer: BoardSessionSigner,
  ) {}

  /**
   * A one-time URL (valid 2 minutes) that opens bull-board in a browser tab and sets a 30-minute,
   * httpOnly cookie scoped to the board. 404 when jobs run in-process (no REDIS_URL).
   */
  @Post('board-session')
  @HttpCode(201)
  createSession(@CurrentUser() user: User): { path: string; expiresAt: string } {
    if (!(this.queue instanceof BullJobQueue)) throw new NotFoundException('bull-board is available only when jobs run on Redis: start the API with REDIS_URL');
    const link = this.signer.issue('bull-board-link', user.id);
    return { path: `${BULL_BOARD_PATH}?session=${encodeURIComponent(link.token)}`, expiresAt: link.expiresAt.toISOString() };
  }
}

/** bull-board under /api/admin/queues/board, mounted only when the job queue is Bull (Redis). */
@Module({ controllers: [BullBoardSessionController], providers: [{ provide: BOARD_SIGNER, inject: [SECRET_BOX], useFactory: (secrets: SecretBox) => new BoardSessionSigner(secrets.deriveKey('bull-board sessions v1')) }] })
export class BullBoardModule implements OnModuleInit {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: HostJobQueue,
    @Inject(BOARD_SIGNER) private readonly signer: BoardSessionSigner,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    if (!(this.queue instanceof BullJobQueue)) return;
    const express = this.adapterHost.httpAdapter.getInstance<Express>();
    express.use(BULL_BOARD_PATH, ...createBullBoardHandlers(this.queue.bullQueue, this.signer));
  }
}
