import { Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ConflictError, markEmailAsSpam, releaseQuarantinedEmail, type EmailMessage, type SpamDecisionStore } from '@autocase/core';
import { processStoredEmail } from '@autocase/channels/email';
import { CurrentUser } from '../../auth/auth-decorators.js';
import type { User } from '../../auth/user.js';
import type { EmailMetrics } from '../email-metrics.js';
import type { EmailProcessing } from '../email-processing.js';
import { EMAIL_METRICS, EMAIL_PROCESSING } from '../email-tokens.js';
import type { SpamCheckService } from './spam-check-service.js';
import { SPAM_CHECK, SPAM_DECISIONS } from './spam-tokens.js';

/** The spam quarantine: release an email ("not spam") or mark one as spam. Admins and agents alike. */
@ApiTags('emails')
@ApiBearerAuth()
@Controller()
export class SpamController {
  constructor(
    @Inject(EMAIL_PROCESSING) private readonly processing: EmailProcessing,
    @Inject(EMAIL_METRICS) private readonly metrics: EmailMetrics,
    @Inject(SPAM_DECISIONS) private readonly decisions: SpamDecisionStore,
    @Inject(SPAM_CHECK) private readonly spamCheck: SpamCheckService,
  ) {}

  /** "Not spam": records the decision (the classifier learns it) and processes the email normally: case, acknowledgement. */
  @Post('emails/:id/release')
  @ApiResponse({ status: 201, description: 'the email after normal processing, and its new outcome' })
  @ApiResponse({ status: 409, description: 'the email is not quarantined as spam' })
  async release(@Param('id') id: string, @CurrentUser() user: User): Promise<{ email: EmailMessage; outcome: string }> {
    const result = await releaseQuarantinedEmail(this.review(), {
      emailId: id,
      decidedBy: user.email,
      process: () => processStoredEmail(this.processing, id, { reprocess: true, releasedFromSpam: true }),
    });
    this.spamCheck.decisionRecorded();
    this.metrics.processed(result, { reprocess: true });
    return { email: result.email, outcome: result.outcome };
  }

  /** "Spam": records the decision; an email without a case is quarantined (outcome `spam`), one with a case keeps it. */
  @Post('emails/:id/spam')
  @ApiResponse({ status: 201, description: 'the email, quarantined unless it already has a case' })
  @ApiResponse({ status: 409, description: 'the email is already quarantined or still queued' })
  async markAsSpam(@Param('id') id: string, @CurrentUser() user: User): Promise<{ email: EmailMessage; outcome: string }> {
    const email = await markEmailAsSpam(this.review(), { emailId: id, decidedBy: user.email });
    this.spamCheck.decisionRecorded();
    if (!email.outcome) throw new ConflictError(`email ${id} has no outcome yet`);
    return { email, outcome: email.outcome };
  }

  private review() {
    return { emails: this.processing.emails, spamDecisions: this.decisions, clock: this.processing.clock, ids: this.processing.ids };
  }
}
