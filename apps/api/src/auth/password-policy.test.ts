import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('accepts long, unguessable passwords', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('k7#Qp2!vZr9m')).toBeNull();
  });

  it('refuses short ones with the length in the message', () => {
    expect(passwordProblem('Xy7#q')).toBe('password must be at least 10 characters');
  });

  it.each(['password123', 'password1234', 'qwertyuiop123', '123456789012', 'iloveyou2024'])('refuses the common or near-common %s', (password) => {
    expect(passwordProblem(password)).toMatch(/^password is too easy to guess/);
  });

  it("refuses a password made of the user's own email", () => {
    expect(passwordProblem('dana.smith@example.com', ['dana.smith@example.com', 'Dana Smith'])).toMatch(/too easy to guess/);
  });
});
