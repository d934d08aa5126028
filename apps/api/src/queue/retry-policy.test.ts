import { DomainError, PluginError } from '@autocase/core';
import { describe, expect, it } from 'vitest';
import { decideRetry } from './retry-policy.js';

describe('decideRetry', () => {
  it('retries temporary plugin errors with exponential backoff', () => {
    expect(decideRetry(new PluginError('TEMPORARY', 'down'), 1, 5, 100)).toMatchObject({ retry: true, delayMs: 100 });
    expect(decideRetry(new PluginError('TEMPORARY', 'down'), 3, 5, 100)).toMatchObject({ retry: true, delayMs: 400 });
  });

  it('honours retryAfterMs of rate limits', () => {
    expect(decideRetry(new PluginError('RATE_LIMITED', 'slow down', { retryAfterMs: 5000 }), 1, 5, 100).delayMs).toBe(5000);
  });

  it('gives up on non-retryable plugin errors and domain errors at once', () => {
    expect(decideRetry(new PluginError('AUTH', 'bad key'), 1, 5, 100).retry).toBe(false);
    expect(decideRetry(new DomainError('NOT_FOUND', 'gone'), 1, 5, 100).retry).toBe(false);
  });

  it('gives up when the attempts run out', () => {
    expect(decideRetry(new PluginError('TEMPORARY', 'down'), 5, 5, 100)).toMatchObject({ retry: false, reason: 'gave up after 5 attempts' });
    expect(decideRetry(new Error('db hiccup'), 2, 5, 100)).toMatchObject({ retry: true, delayMs: 200 });
  });
});
