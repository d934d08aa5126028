import { describe, expect, it } from 'vitest';
import { describeJsonError } from './json-error';

describe('describeJsonError', () => {
  it('is null for valid JSON', () => {
    expect(describeJsonError('{"a": 1}')).toBeNull();
  });
  it('names the line when the engine reports a position', () => {
    expect(describeJsonError('{\n  "a": 1,\n}')).toMatch(/^Line 3: /);
  });
  it('falls back to the engine message', () => {
    expect(describeJsonError('{"a": }')).toMatch(/Unexpected token/);
  });
});
