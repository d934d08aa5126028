import { describe, expect, it } from 'vitest';
import { validateSurvey } from './customer-chat-api';

describe('validateSurvey', () => {
  it('accepts a complete survey', () => {
    expect(validateSurvey({ name: 'Jane', email: 'jane@example.com', question: 'Where is my parcel?' })).toEqual({});
  });

  it('names each missing or invalid answer', () => {
    expect(validateSurvey({ name: ' ', email: 'jane@', question: 'a' })).toEqual({
      name: 'Please tell us your name.',
      email: 'Please enter a valid email address, e.g. jane@example.com.',
      question: 'Please describe your question in a few words.',
    });
  });
});
