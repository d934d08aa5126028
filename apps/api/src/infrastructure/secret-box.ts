import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;

export class SecretDecryptionError extends Error {
  constructor(what: string) {
    super(
      `${what} cannot be decrypted: it was encrypted with another key. Give every API process the same AUTOCASE_SECRET_KEY ` +
        '(or the same AUTOCASE_SECRET_KEY_FILE), or enter the secret again in the admin console.',
    );
    this.name = 'SecretDecryptionError';
  }
}

/**
 * Encrypts the secrets the API stores in its database (LLM API key, mailbox passwords, webhook
 * secrets) with AES-256-GCM, so a copy of the database alone does not give them away. Values
 * without the `enc:v1:` prefix are read as written (stored before encryption existed) and are
 * encrypted the next time they are saved.
 */
export class SecretBox {
  private readonly key: Buffer;

  /** `warn` hears about secrets dropped because they cannot be decrypted (see {@link transform}). */
  constructor(
    keyMaterial: string | Buffer,
    private readonly warn: (message: string) => void = () => {},
  ) {
    if (keyMaterial.length < 16) throw new Error('the secret key must be at least 16 characters');
    this.key = Buffer.from(hkdfSync('sha256', keyMaterial, 'autocase', 'stored secrets v1', KEY_BYTES));
  }

  /** A random key, e.g. for an in-memory database whose secrets need not outlive the process. */
  static ephemeral(warn?: (message: string) => void): SecretBox {
    return new SecretBox(randomBytes(KEY_BYTES), warn);
  }

  /** A key for another purpose (e.g. signing session tokens), derived from the same secret: the same in every process of a deployment. */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, 'autocase', purpose, KEY_BYTES));
  }

  isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  seal(plain: string): string {
    if (this.isSealed(plain)) return plain;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${encrypted.toString('base64')}`;
  }

  /** The plain value; `what` names the secret in the error when it was sealed with another key. */
  open(value: string, what = 'a stored secret'): string {
    if (!this.isSealed(value)) return value;
    const [iv, tag, encrypted] = value.slice(PREFIX.length).split(':');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv ?? '', 'base64'));
      decipher.setAuthTag(Buffer.from(tag ?? '', 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(encrypted ?? '', 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionError(what);
    }
  }

  /**
   * Seals or opens the string at each of `paths` (dot-separated) of a copy of `record`; other
   * values are kept. A secret that cannot be decrypted is left out of the copy (and reported to
   * `warn`), so one unreadable password does not stop everything else stored with it: the admin
   * console then shows it as not set, to be entered again.
   */
  transform<T>(record: T, paths: readonly string[], direction: 'seal' | 'open', what = 'a stored secret'): T {
    const copy = structuredClone(record) as Record<string, unknown>;
    for (const dotted of paths) {
      const keys = dotted.split('.');
      let holder: Record<string, unknown> | undefined = copy;
      for (const key of keys.slice(0, -1)) {
        const next: unknown = holder?.[key];
        holder = next && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
      }
      const last = keys.at(-1)!;
      const value = holder?.[last];
      if (!holder || typeof value !== 'string' || value === '') continue;
      if (direction === 'seal') {
        holder[last] = this.seal(value);
        continue;
      }
      try {
        holder[last] = this.open(value, `${what} (${dotted})`);
      } catch (error) {
        if (!(error instanceof SecretDecryptionError)) throw error;
        delete holder[last];
        this.warn(error.message);
      }
    }
    return copy as T;
  }
}

/**
 * The key: AUTOCASE_SECRET_KEY when set; otherwise the key file (created with a random key,
 * readable by its owner only, on first start). An in-memory SQLite database gets a per-process key.
 */
export function loadSecretBox(options: { secretKey?: string; secretKeyFile: string; inMemory: boolean; warn?: (message: string) => void }): SecretBox {
  if (options.secretKey) return new SecretBox(options.secretKey, options.warn);
  if (options.inMemory && !existsSync(options.secretKeyFile)) return SecretBox.ephemeral(options.warn);
  if (!existsSync(options.secretKeyFile)) {
    mkdirSync(path.dirname(options.secretKeyFile), { recursive: true });
    try {
      writeFileSync(options.secretKeyFile, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process created it first
    }
  }
  const material = readFileSync(options.secretKeyFile, 'utf8').trim();
  if (material.length < 16) throw new Error(`the secret key file ${options.secretKeyFile} holds fewer than 16 characters`);
  try {
    chmodSync(options.secretKeyFile, 0o600);
  } catch {
    // not ours to change (e.g. a read-only mount); reading it was enough
  }
  return new SecretBox(material, options.warn);
}
