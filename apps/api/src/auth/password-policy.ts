import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 500;
/** zxcvbn's 0–4 guessability score a password needs: 3 = "safely unguessable" (~10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** zxcvbn with the common-password list and keyboard layouts (built once, on first use). */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

const WARNINGS: Record<string, string> = {
  common: 'it is one of the most common passwords',
  similarToCommon: 'it is very close to a common password',
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  commonNames: 'common names are easy to guess',
  namesByThemselves: 'a name on its own is easy to guess',
  straightRow: 'rows of keys are easy to guess',
  keyPattern: 'short keyboard patterns are easy to guess',
  simpleRepeat: 'repeated characters like "aaa" are easy to guess',
  extendedRepeat: 'repeated patterns like "abcabc" are easy to guess',
  sequences: 'sequences like "abc" or "6543" are easy to guess',
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
  userInputs: 'it contains the user\'s own email or name',
};

/**
 * Why `password` is refused, in plain words, or `null` when it is acceptable: at least {@link MIN_PASSWORD_LENGTH}
 * characters and a zxcvbn score of at least {@link MIN_PASSWORD_SCORE}, judged against the common-password list and
 * the user's own details (`userInputs`: email, display name).
 */
export function passwordProblem(password: string, userInputs: (string | null | undefined)[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const inputs = userInputs.flatMap((input) => (input ? [input, ...input.split(/[@.\s_-]+/).filter((part) => part.length >= 3)] : []));
  const result = strengthEstimator().check(password.slice(0, 100), [...inputs, 'autocase']);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reason = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return `password is too easy to guess${reason ? ` (${reason})` : ''}: use a longer one, e.g. three or four unrelated words`;
}
