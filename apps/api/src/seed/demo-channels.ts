import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EmailChannels } from '../email/email-channels.js';
import type { EmailProcessing } from '../email/email-processing.js';
import { EMAIL_CHANNELS, EMAIL_PROCESSING } from '../email/email-tokens.js';
import type { PredictorAdmin } from '../predictor-admin/predictor-admin.js';
import { PREDICTOR_ADMIN } from '../predictor-admin/predictor-admin.tokens.js';
import { DEMO_ARC_RULE, DEMO_MAILBOX, DEMO_REGEX, DEMO_RULES } from './demo-configuration.js';

/**
 * The rest of the demo a new user sees at once: one mailbox with one ARC rule, keyword rules and an
 * order-number pattern, so a chat or an email about a parcel or an invoice becomes a categorised
 * case. Called only right after the demo fields were seeded (a fresh installation).
 */
export async function seedDemoChannels(app: INestApplicationContext, logger: Logger): Promise<void> {
  const email = app.get<EmailProcessing>(EMAIL_PROCESSING);
  if ((await email.mailboxes.list()).length === 0) {
    await email.mailboxes.save(DEMO_MAILBOX);
    await email.arcRules.save(DEMO_ARC_RULE);
    await app.get<EmailChannels>(EMAIL_CHANNELS).mailboxesChanged(await email.mailboxes.list());
  }
  const predictors = app.get<PredictorAdmin>(PREDICTOR_ADMIN);
  await predictors.configurator.savePluginConfig('rules', DEMO_RULES);
  await predictors.configurator.savePluginConfig('regex', DEMO_REGEX);
  logger.info({ mailbox: DEMO_MAILBOX.address, rules: DEMO_RULES.rules.length }, 'demo mailbox, ARC rule, keyword rules and order-number pattern seeded');
}
