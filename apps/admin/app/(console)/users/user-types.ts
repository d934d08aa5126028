export interface ConsoleUser {
  id: string;
  email: string;
  displayName: string | null;
  role: 'admin' | 'agent';
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A readable random password for the "generate" button (no look-alike characters). */
export function generatePassword(length = 16, random: (max: number) => number = secureRandom): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
}

function secureRandom(max: number): number {
  const values = new Uint32Array(1);
  crypto.getRandomValues(values);
  return (values[0] ?? 0) % max;
}
