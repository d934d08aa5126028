import { describe, expect, it } from 'vitest';
import { readUpstreamSpamReport } from './upstream-spam-report.js';

describe('readUpstreamSpamReport', () => {
  it('reads SpamAssassin flag, status score and required score', () => {
    expect(readUpstreamSpamReport({ 'x-spam-flag': ['YES'], 'x-spam-status': ['Yes, score=12.3 required=5.0 tests=BAYES_99,HTML_MESSAGE autolearn=no'] })).toMatchObject({ flagged: true, score: 12.3, required: 5 });
    expect(readUpstreamSpamReport({ 'x-spam-status': ['No, hits=-2.1 required=7.0 tests=KNOWN_MAILLIST'] })).toMatchObject({ flagged: false, score: -2.1, required: 7 });
    expect(readUpstreamSpamReport({ 'x-spam-score': ['6.5'] })).toMatchObject({ flagged: null, score: 6.5, required: null });
    expect(readUpstreamSpamReport({ 'x-spam': ['Yes'] }).flagged).toBe(true);
    expect(readUpstreamSpamReport({})).toEqual({ flagged: null, score: null, required: null, spf: null, dkim: null, dmarc: null });
  });

  it('reads SPF, DKIM and DMARC from the topmost Authentication-Results only', () => {
    const report = readUpstreamSpamReport({
      'authentication-results': ['mx.autocase.test; spf=fail smtp.mailfrom=bank.example; dkim=fail header.d=bank.example; dmarc=fail (p=reject) header.from=bank.example', 'forged.example; dmarc=pass'],
    });
    expect(report).toMatchObject({ spf: 'fail', dkim: 'fail', dmarc: 'fail' });
    expect(readUpstreamSpamReport({ 'authentication-results': ['mx.autocase.test; dkim=fail header.d=a.example; dkim=pass header.d=b.example; spf=softfail'] })).toMatchObject({ dkim: 'pass', spf: 'softfail', dmarc: null });
    expect(readUpstreamSpamReport({ 'authentication-results': ['mx.autocase.test; none'] })).toMatchObject({ spf: null, dkim: null, dmarc: null });
  });
});
