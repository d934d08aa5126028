import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { hashPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import type { UserRepository } from './user.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@autocase.local';

/**
 * With AUTOCASE_ADMIN_EMAIL/PASSWORD: creates that admin, or resets its password, role and
 * enabled flag. Without them: on a database with no users, creates admin@autocase.local with
 * a random password printed once in the log.
 */
export async function ensureBootstrapAdmin(users: UserRepository, bootstrap: { email: string; password: string } | undefined, logger: Logger): Promise<{ email: string; created: boolean; generatedPassword?: string }> {
  if (bootstrap) {
    // The operator's choice is kept (it is set outside the product), but a weak one is pointed out.
    const problem = passwordProblem(bootstrap.password, [bootstrap.email]);
    if (problem) logger.warn({ email: bootstrap.email }, `AUTOCASE_ADMIN_PASSWORD is weak: ${problem}`);
    const existing = await users.findByEmail(bootstrap.email);
    const passwordHash = await hashPassword(bootstrap.password);
    if (existing) {
      await users.update(existing.id, { passwordHash, role: 'admin', disabled: false });
      logger.info({ email: bootstrap.email }, 'bootstrap admin password reset from AUTOCASE_ADMIN_PASSWORD');
      return { email: bootstrap.email, created: false };
    }
    await users.create({ email: bootstrap.email, role: 'admin', passwordHash, displayName: 'Administrator' });
    logger.info({ email: bootstrap.email }, 'bootstrap admin created from AUTOCASE_ADMIN_EMAIL');
    return { email: bootstrap.email, created: true };
  }
  if ((await users.count()) > 0) return { email: DEFAULT_ADMIN_EMAIL, created: false };
  const generatedPassword = randomBytes(12).toString('base64url');
  await users.create({ email: DEFAULT_ADMIN_EMAIL, role: 'admin', passwordHash: await hashPassword(generatedPassword), displayName: 'Administrator' });
  logger.warn({ email: DEFAULT_ADMIN_EMAIL }, `first start: created admin ${DEFAULT_ADMIN_EMAIL} with password ${generatedPassword} (shown once; change it or set AUTOCASE_ADMIN_EMAIL/AUTOCASE_ADMIN_PASSWORD)`);
  return { email: DEFAULT_ADMIN_EMAIL, created: true, generatedPassword };
}
