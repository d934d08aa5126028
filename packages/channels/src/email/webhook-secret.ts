import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether the secret presented to the raw-MIME HTTP endpoint is the mailbox's, compared in
 * constant time. A mailbox without a secret accepts no webhook posts.
 */
export function verifyWebhookSecret(expected: string | null | undefined, presented: string | null | undefined): boolean {
  if (!expected || !presented) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(presented));
}
