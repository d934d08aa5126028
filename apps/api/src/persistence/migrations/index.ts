import type { MigrationDefinition } from '../orm.js';
import { Migration20261124000000Core } from './migration-20261124000000-core.js';
import { Migration20261124060000JobLeases } from './migration-20261124060000-job-leases.js';
import { Migration20261204060000AuthTokenLastUsed } from './migration-20261204060000-auth-token-last-used.js';
import { Migration20261204070000CaseOriginKey } from './migration-20261204070000-case-origin-key.js';

/** PostgreSQL migrations of the core tables, in order. */
export const CORE_MIGRATIONS: MigrationDefinition[] = [
  { name: 'Migration20261124000000_core', class: Migration20261124000000Core },
  { name: 'Migration20261124060000_job_leases', class: Migration20261124060000JobLeases },
  { name: 'Migration20261204060000_auth_token_last_used', class: Migration20261204060000AuthTokenLastUsed },
  { name: 'Migration20261204070000_case_origin_key', class: Migration20261204070000CaseOriginKey },
];
