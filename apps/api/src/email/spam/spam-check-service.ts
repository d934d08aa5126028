import { decideSpam, spamPolicyOf, type Clock, type EmailRepository, type Mailbox, type ParsedEmail, type SpamDecisionStore, type SpamVerdict } from '@autocase/core';
import { parseEmail, readUpstreamSpamReport } from '@autocase/channels/email';
import { adaptSpamModel, loadBaseSpamModel, SpamClassifier, spamTerms, type SpamModel, type SpamTrainingExample } from '@autocase/predictors/spam';
import type { Logger } from 'pino';

/** Decisions the classifier learns from (the newest). */
export const SPAM_TRAINING_DECISIONS = 2000;

/**
 * The spam step of email processing: the upstream verdict from the headers, and the built-in
 * classifier: the shipped base model adapted to this deployment's spam / not-spam decisions.
 * Every process re-reads the decisions' version at most every `refreshMs` (so a decision made
 * through another process is learned too) and retrains when it changed.
 */
export class SpamCheckService {
  private classifier: SpamClassifier;
  private version: string | null = null;
  private checkedAt = 0;
  private retraining: Promise<void> | null = null;

  constructor(
    private readonly decisions: SpamDecisionStore,
    private readonly emails: Pick<EmailRepository, 'getRaw'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly refreshMs = 5000,
    private readonly base: SpamModel = loadBaseSpamModel(),
  ) {
    this.classifier = new SpamClassifier(base);
  }

  readonly check = async (parsed: ParsedEmail, mailbox: Mailbox | null): Promise<SpamVerdict> => {
    const policy = spamPolicyOf(mailbox);
    const upstream = readUpstreamSpamReport(parsed.headers);
    const score = policy.enabled && policy.classifier ? (await this.current()).score(parsed) : null;
    return decideSpam(policy, upstream, score);
  };

  /** Forget the known version, so the next check retrains with the latest decisions. */
  decisionRecorded(): void {
    this.checkedAt = 0;
  }

  /** The classifier in use, retrained first when the decisions changed. */
  async current(): Promise<SpamClassifier> {
    const now = this.clock.now().getTime();
    if (now - this.checkedAt >= this.refreshMs) {
      this.checkedAt = now;
      this.retraining ??= this.retrainIfChanged().finally(() => (this.retraining = null));
    }
    if (this.retraining) await this.retraining;
    return this.classifier;
  }

  private async retrainIfChanged(): Promise<void> {
    const version = await this.decisions.version();
    if (version === this.version) return;
    const decisions = await this.decisions.list({ limit: SPAM_TRAINING_DECISIONS });
    const examples: SpamTrainingExample[] = [];
    const latestPerEmail = new Set<string>();
    for (const decision of decisions) {
      // The newest decision about an email wins (someone may have changed their mind).
      if (latestPerEmail.has(decision.emailId)) continue;
      latestPerEmail.add(decision.emailId);
      const raw = await this.emails.getRaw(decision.emailId);
      if (!raw) continue;
      const parsed = await parseEmail(raw);
      if (parsed.ok) examples.push({ terms: spamTerms(parsed.email), spam: decision.verdict === 'spam' });
    }
    this.classifier = examples.length > 0 ? new SpamClassifier(adaptSpamModel(this.base, examples), `base + ${examples.length} decision${examples.length === 1 ? '' : 's'}`) : new SpamClassifier(this.base);
    this.version = version;
    if (examples.length > 0) this.logger.info({ decisions: examples.length }, 'spam classifier retrained with the decisions made here');
  }
}
