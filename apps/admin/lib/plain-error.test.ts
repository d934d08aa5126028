import { describe, expect, it } from 'vitest';
import { plainErrorMessage } from './plain-error';

describe('plainErrorMessage', () => {
  it('turns provider and connection errors into plain words', () => {
    expect(plainErrorMessage('INTERNAL: predictor llm failed: OpenAI API key is missing. Pass it using the \'apiKey\' parameter or the OPENAI_API_KEY environment variable.')).toBe(
      'The provider needs an API key: type the key, save, then try again.',
    );
    expect(plainErrorMessage('LLM predictor (openai-compatible/llama3.1:8b): the provider answered without a status: Cannot connect to API: bad port')).toBe(
      'Nothing answers at that address and port: check the host and port, and that the server runs.',
    );
    expect(plainErrorMessage('sending mail failed: connect ECONNREFUSED 127.0.0.1:1')).toBe('Nothing answers at that address and port: check the host and port, and that the server runs.');
  });

  it('names settings by their label instead of their path', () => {
    expect(plainErrorMessage('Invalid input: settings.host: SMTP host is required')).toBe('Host: SMTP host is required');
    expect(plainErrorMessage('apiKey: needs an API key: OpenAI refuses calls without one')).toBe('API key: needs an API key: OpenAI refuses calls without one');
    expect(plainErrorMessage('mailbox support@example.com already exists')).toBe('mailbox support@example.com already exists');
  });
});
