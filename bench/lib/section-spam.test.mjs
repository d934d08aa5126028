import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureSpam } from './section-spam.mjs';
import { withoutVerdictHeaders } from './spam-corpus.mjs';

const evalDir = process.env.AUTOCASE_EVAL_DIR ?? resolve(import.meta.dirname, '../../../shared/eval');

describe('withoutVerdictHeaders', () => {
  it('drops X-Spam-* and Authentication-Results with their folded lines, nothing else', () => {
    const raw = Buffer.from('From: a@b.example\r\nX-Spam-Status: Yes, score=9\r\n\ttests=FOO\r\nAuthentication-Results: mx; dmarc=fail\r\nSubject: hi\r\n\r\nX-Spam-Flag: YES in the body stays\r\n');
    expect(withoutVerdictHeaders(raw).toString()).toBe('From: a@b.example\r\nSubject: hi\r\n\r\nX-Spam-Flag: YES in the body stays\r\n');
  });
});

describe('spam section on the evaluation sets (first 60 of each)', () => {
  it('quarantines most spam (at the base threshold 0.8) and almost no ham with the shipped model, by the classifier and not by headers', async () => {
    const measured = await measureSpam(evalDir, { limit: 60 });
    expect(measured.spam.messages).toBe(60);
    expect(measured.spam.classifierAlone).toBeGreaterThanOrEqual(0.75);
    expect(measured.ham.classifierAlone).toBeLessThanOrEqual(0.02);
    expect(measured.spam.headersAlone).toBeLessThan(0.05);
  }, 600_000);
});
