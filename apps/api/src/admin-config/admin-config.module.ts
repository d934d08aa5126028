import { Module } from '@nestjs/common';
import { AdminConfigController } from './admin-config.controller.js';

@Module({ controllers: [AdminConfigController] })
export class AdminConfigModule {}
