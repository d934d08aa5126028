import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FieldDefinitionListSchema, settingsChanges, SettingsSchema, type Clock, type ConfigurationRepository, type FieldDefinition, type Settings } from '@autocase/core';
import { CurrentUser, Roles } from '../auth/auth-decorators.js';
import type { User } from '../auth/user.js';
import { ApiZodBody } from '../http/api-zod-body.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { CLOCK, CONFIGURATION_REPOSITORY } from '../tokens.js';
import type { SettingsChangeEntry, SettingsChangeLog } from './settings-change-log.js';

export const SETTINGS_CHANGE_LOG = Symbol('SETTINGS_CHANGE_LOG');

@ApiTags('admin: configuration')
@ApiBearerAuth()
@Controller()
export class AdminConfigController {
  constructor(
    @Inject(CONFIGURATION_REPOSITORY) private readonly configuration: ConfigurationRepository,
    @Inject(SETTINGS_CHANGE_LOG) private readonly changes: SettingsChangeLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The case fields (any signed-in user: the agent UI renders them). */
  @Get('fields')
  fieldsForAgents(): Promise<FieldDefinition[]> {
    return this.configuration.getFields();
  }

  @Roles('admin')
  @Get('admin/fields')
  fields(): Promise<FieldDefinition[]> {
    return this.configuration.getFields();
  }

  /** Replaces the whole field list (order is kept). */
  @Roles('admin')
  @Put('admin/fields')
  @ApiZodBody(FieldDefinitionListSchema, 'the complete list of case fields')
  async saveFields(@Body(new ZodValidationPipe(FieldDefinitionListSchema)) fields: FieldDefinition[]): Promise<FieldDefinition[]> {
    await this.configuration.saveFields(fields);
    return this.configuration.getFields();
  }

  @Roles('admin')
  @Get('admin/settings')
  settings(): Promise<Settings> {
    return this.configuration.getSettings();
  }

  /** Replaces the settings; omitted toggles take their defaults. */
  @Roles('admin')
  @Put('admin/settings')
  @ApiZodBody(SettingsSchema)
  async saveSettings(@Body(new ZodValidationPipe(SettingsSchema)) settings: Settings, @CurrentUser() user: User): Promise<Settings> {
    const before = await this.configuration.getSettings();
    await this.configuration.saveSettings(settings);
    const after = await this.configuration.getSettings();
    const changes = settingsChanges(before, after);
    if (changes.length > 0) await this.changes.append({ at: this.clock.now().toISOString(), actor: { type: 'user', id: user.id, name: user.displayName ?? user.email }, changes });
    return after;
  }

  /** Every save that changed the settings, newest first: who, when, and each setting's old and new value. */
  @Roles('admin')
  @Get('admin/audit/settings')
  async settingsAudit(): Promise<{ items: SettingsChangeEntry[] }> {
    return { items: await this.changes.list() };
  }
}
