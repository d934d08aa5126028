import { describe, expect, it } from 'vitest';
import { findTrackingToken, formatTrackingToken, normalizeSubject, subjectWithTrackingToken } from './process-inbound-email-tracking-token.js';

describe('tracking token', () => {
  it('formats and finds the token in a subject', () => {
    expect(formatTrackingToken('CAS-00042')).toBe('[CAS-00042]');
    expect(findTrackingToken('Re: [CAS-00042] Printer broken')).toBe('CAS-00042');
    expect(findTrackingToken('Re: [ cas-00042 ] Printer broken')).toBe('CAS-00042');
    expect(findTrackingToken('Printer broken CAS-00042')).toBeNull();
  });

  it('uses the configured prefix and takes the last token', () => {
    expect(findTrackingToken('[TKT-7] about [TKT-00009]', 'TKT')).toBe('TKT-00009');
    expect(findTrackingToken('[CAS-00042]', 'TKT')).toBeNull();
    expect(() => findTrackingToken('x', 'bad prefix')).toThrow(/prefix "bad prefix"/);
  });

  it('adds the token to a subject once', () => {
    expect(subjectWithTrackingToken('Printer broken', 'CAS-00001')).toBe('[CAS-00001] Printer broken');
    expect(subjectWithTrackingToken('Re: [CAS-00001] Printer broken', 'CAS-00001')).toBe('Re: [CAS-00001] Printer broken');
    expect(subjectWithTrackingToken('  ', 'CAS-00001')).toBe('[CAS-00001]');
  });

  it('normalizes subjects for the loop guard', () => {
    expect(normalizeSubject('RE: Fwd: AW: [CAS-00001]  Printer   Broken')).toBe('printer broken');
    expect(normalizeSubject('Re[2]: Out of office')).toBe('out of office');
  });
});
