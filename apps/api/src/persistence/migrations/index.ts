import type { MigrationDefinition } from '../orm.js';
import { Migration20261124000000Core } from './migration-20261124000000-core.js';

/** PostgreSQL migrations of the core tables, in order. */
export const CORE_MIGRATIONS: MigrationDefinition[] = [{ name: 'Migration20261124000000_core', class: Migration20261124000000Core }];
