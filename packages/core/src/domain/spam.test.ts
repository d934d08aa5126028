import { describe, expect, it } from 'vitest';
import { DEFAULT_SPAM_POLICY, decideSpam, SpamPolicySchema, type UpstreamSpamReport } from './spam.js';

const clean: UpstreamSpamReport = { flagged: null, score: null, required: null, spf: null, dkim: null, dmarc: null };
const classifier = (probability: number) => ({ probability, threshold: 0.5, evidence: ['s:free', 'url:IP'], model: 'base' });

describe('decideSpam', () => {
  it('honours the upstream flag and score, with the required score of X-Spam-Status by default', () => {
    expect(decideSpam(DEFAULT_SPAM_POLICY, { ...clean, flagged: true, score: 9.1 }, classifier(0.01))).toMatchObject({ spam: true, source: 'upstream', reason: 'the upstream mail server flagged it as spam (score 9.1)' });
    expect(decideSpam(DEFAULT_SPAM_POLICY, { ...clean, flagged: false, score: 6, required: 5 }, classifier(0.01))).toMatchObject({ spam: true, source: 'upstream' });
    expect(decideSpam(DEFAULT_SPAM_POLICY, { ...clean, flagged: false, score: 4.9, required: 5 }, classifier(0.01))).toMatchObject({ spam: false });
    expect(decideSpam(DEFAULT_SPAM_POLICY, { ...clean, score: 4 }, classifier(0.01)).spam).toBe(false);
    const strict = SpamPolicySchema.parse({ upstreamScoreThreshold: 3 });
    expect(decideSpam(strict, { ...clean, score: 4 }, classifier(0.01))).toMatchObject({ spam: true, reason: 'upstream spam score 4 ≥ 3' });
    const ignoreUpstream = SpamPolicySchema.parse({ honourUpstreamFlag: false });
    expect(decideSpam(ignoreUpstream, { ...clean, flagged: true, score: 9, required: 5 }, classifier(0.01)).spam).toBe(false);
  });

  it('quarantines DMARC failures by default, SPF+DKIM failures only when asked, and always reports the DMARC failure', () => {
    expect(decideSpam(DEFAULT_SPAM_POLICY, { ...clean, dmarc: 'fail' }, classifier(0.01))).toMatchObject({ spam: true, source: 'authentication', dmarcFailed: true });
    const lenient = SpamPolicySchema.parse({ quarantineOnDmarcFail: false });
    expect(decideSpam(lenient, { ...clean, dmarc: 'fail' }, classifier(0.01))).toMatchObject({ spam: false, dmarcFailed: true });
    expect(decideSpam(DEFAULT_SPAM_POLICY, { ...clean, spf: 'fail', dkim: 'fail' }, classifier(0.01)).spam).toBe(false);
    expect(decideSpam(SpamPolicySchema.parse({ quarantineOnSpfAndDkimFail: true }), { ...clean, spf: 'fail', dkim: 'fail' }, classifier(0.01))).toMatchObject({ spam: true, source: 'authentication' });
    expect(decideSpam(SpamPolicySchema.parse({ enabled: false }), { ...clean, dmarc: 'fail', flagged: true }, classifier(0.99))).toMatchObject({ spam: false, dmarcFailed: true });
  });

  it('uses the classifier with its own threshold or the mailbox one, naming the evidence', () => {
    expect(decideSpam(DEFAULT_SPAM_POLICY, clean, classifier(0.93))).toMatchObject({ spam: true, source: 'classifier', probability: 0.93 });
    expect(decideSpam(DEFAULT_SPAM_POLICY, clean, classifier(0.93)).reason).toBe('spam classifier (base): 93 % ≥ 50 %; strongest signs: s:free, url:IP');
    expect(decideSpam(DEFAULT_SPAM_POLICY, clean, classifier(0.3)).spam).toBe(false);
    expect(decideSpam(SpamPolicySchema.parse({ classifierThreshold: 0.95 }), clean, classifier(0.93)).spam).toBe(false);
    expect(decideSpam(SpamPolicySchema.parse({ classifier: false }), clean, classifier(0.99)).spam).toBe(false);
    expect(decideSpam(DEFAULT_SPAM_POLICY, clean, null).spam).toBe(false);
  });
});
