import { defineEntity, p } from '@mikro-orm/core';

/** Failed sign-ins in a row per account email (the per-account backoff, shared by every process). */
export const LoginFailureEntity = defineEntity({
  name: 'LoginFailure',
  tableName: 'login_failures',
  properties: {
    email: p.string().length(320).primary(),
    failures: p.integer(),
    lastFailureAt: p.string().length(32).index(),
  },
});
