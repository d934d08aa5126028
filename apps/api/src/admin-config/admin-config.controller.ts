import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FieldDefinitionListSchema, SettingsSchema, type ConfigurationRepository, type FieldDefinition, type Settings } from '@autocase/core';
import { Roles } from '../auth/auth-decorators.js';
import { ApiZodBody } from '../http/api-zod-body.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { CONFIGURATION_REPOSITORY } from '../tokens.js';

@ApiTags('admin: configuration')
@ApiBearerAuth()
@Controller()
export class AdminConfigController {
  constructor(@Inject(CONFIGURATION_REPOSITORY) private readonly configuration: ConfigurationRepository) {}

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
  async saveSettings(@Body(new ZodValidationPipe(SettingsSchema)) settings: Settings): Promise<Settings> {
    await this.configuration.saveSettings(settings);
    return this.configuration.getSettings();
  }
}
