import { z } from 'zod';

/**
 * How a mailbox treats spam. The upstream mail server's verdict (X-Spam-Flag, X-Spam-Status,
 * X-Spam-Score, Authentication-Results) is honoured first; the built-in classifier decides the
 * rest. Spam is quarantined: outcome `spam`, never a case, never acknowledged.
 */
export const SpamPolicySchema = z.object({
  /** Off: no email of the mailbox is ever quarantined (acknowledgements still skip DMARC failures). */
  enabled: z.boolean().default(true),
  /** Quarantine when the upstream server flagged the message (`X-Spam-Flag: YES`, `X-Spam-Status: Yes`). */
  honourUpstreamFlag: z.boolean().default(true),
  /**
   * Quarantine when the upstream score (`X-Spam-Score`, or `score=` of `X-Spam-Status`) reaches
   * this; null uses only the flag (and `required=` of X-Spam-Status).
   */
  upstreamScoreThreshold: z.number().min(-100).max(1000).nullable().default(null),
  /** Quarantine mail whose Authentication-Results say `dmarc=fail`. */
  quarantineOnDmarcFail: z.boolean().default(true),
  /** Quarantine mail whose Authentication-Results say both `spf=fail` and `dkim=fail` (without DMARC). */
  quarantineOnSpfAndDkimFail: z.boolean().default(false),
  /** Run the built-in classifier (trained on public corpora, then on this deployment's decisions). */
  classifier: z.boolean().default(true),
  /** Spam probability at or above which the classifier quarantines; null = the model's own threshold. */
  classifierThreshold: z.number().min(0.05).max(1).nullable().default(null),
});
export type SpamPolicy = z.infer<typeof SpamPolicySchema>;
export const DEFAULT_SPAM_POLICY: SpamPolicy = SpamPolicySchema.parse({});

export type AuthenticationResult = 'pass' | 'fail' | 'softfail' | 'none' | 'neutral' | 'temperror' | 'permerror' | 'policy' | null;

/** What the upstream server said about a message, read from its headers (pure data). */
export interface UpstreamSpamReport {
  /** `X-Spam-Flag: YES` or `X-Spam-Status: Yes`; null when no such header. */
  flagged: boolean | null;
  score: number | null;
  /** `required=` of X-Spam-Status. */
  required: number | null;
  spf: AuthenticationResult;
  dkim: AuthenticationResult;
  dmarc: AuthenticationResult;
}

/** The built-in classifier's opinion. */
export interface SpamClassifierScore {
  probability: number;
  /** The model's own decision point. */
  threshold: number;
  /** Terms that pushed most towards spam, for the reason shown to admins. */
  evidence: string[];
  /** Which model: `base` or `base+N decisions`. */
  model: string;
}

export interface SpamVerdict {
  spam: boolean;
  /** What decided: the upstream flag or score, authentication, or the classifier; null when not spam. */
  source: 'upstream' | 'authentication' | 'classifier' | null;
  reason: string;
  /** DMARC failed: never acknowledged, whatever the verdict. */
  dmarcFailed: boolean;
  probability: number | null;
}

/** Combines the upstream report and the classifier's score under a mailbox's policy. */
export function decideSpam(policy: SpamPolicy, upstream: UpstreamSpamReport, classifier: SpamClassifierScore | null): SpamVerdict {
  const dmarcFailed = upstream.dmarc === 'fail';
  const probability = classifier?.probability ?? null;
  const verdict = (spam: boolean, source: SpamVerdict['source'], reason: string): SpamVerdict => ({ spam, source, reason, dmarcFailed, probability });
  if (!policy.enabled) return verdict(false, null, 'spam handling is off for this mailbox');
  if (policy.honourUpstreamFlag && upstream.flagged === true) return verdict(true, 'upstream', `the upstream mail server flagged it as spam${upstream.score !== null ? ` (score ${upstream.score})` : ''}`);
  const threshold = policy.upstreamScoreThreshold ?? (policy.honourUpstreamFlag ? upstream.required : null);
  if (upstream.score !== null && threshold !== null && upstream.score >= threshold) return verdict(true, 'upstream', `upstream spam score ${upstream.score} ≥ ${threshold}`);
  if (policy.quarantineOnDmarcFail && dmarcFailed) return verdict(true, 'authentication', 'Authentication-Results: dmarc=fail');
  if (policy.quarantineOnSpfAndDkimFail && upstream.spf === 'fail' && upstream.dkim === 'fail') return verdict(true, 'authentication', 'Authentication-Results: spf=fail and dkim=fail');
  if (policy.classifier && classifier) {
    const cut = policy.classifierThreshold ?? classifier.threshold;
    const percent = (value: number) => `${Math.round(value * 1000) / 10} %`;
    if (classifier.probability >= cut) {
      const evidence = classifier.evidence.length > 0 ? `; strongest signs: ${classifier.evidence.slice(0, 6).join(', ')}` : '';
      return verdict(true, 'classifier', `spam classifier (${classifier.model}): ${percent(classifier.probability)} ≥ ${percent(cut)}${evidence}`);
    }
    return verdict(false, null, `spam classifier (${classifier.model}): ${percent(classifier.probability)} < ${percent(cut)}`);
  }
  return verdict(false, null, 'not spam');
}

/** A person's decision about one email, kept to retrain the classifier. */
export interface SpamDecision {
  id: string;
  emailId: string;
  mailbox: string;
  verdict: 'spam' | 'not-spam';
  decidedBy: string;
  decidedAt: string;
}
