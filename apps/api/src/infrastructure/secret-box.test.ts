import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretBox, SecretBox, SecretDecryptionError } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('correct horse battery staple');

  it('encrypts with a fresh nonce each time and decrypts back', () => {
    const first = box.seal('sk-live-1234');
    const second = box.seal('sk-live-1234');
    expect(first).toMatch(/^enc:v1:[^:]+:[^:]+:[^:]+$/);
    expect(first).not.toContain('sk-live');
    expect(first).not.toBe(second);
    expect(box.open(first)).toBe('sk-live-1234');
    expect(box.seal(first)).toBe(first);
  });

  it('reads values stored before encryption as they are', () => {
    expect(box.open('plain-old-password')).toBe('plain-old-password');
  });

  it('refuses a value sealed with another key or tampered with, naming it', () => {
    const sealed = new SecretBox('another key, also long enough').seal('secret');
    expect(() => box.open(sealed, 'the LLM API key')).toThrow(SecretDecryptionError);
    expect(() => box.open(sealed, 'the LLM API key')).toThrow(/^the LLM API key cannot be decrypted: it was encrypted with another key/);
    const mine = box.seal('secret');
    expect(() => box.open(`${mine.slice(0, -4)}AAAA`)).toThrow(SecretDecryptionError);
  });

  it('seals and opens nested fields of a copy, dropping (and reporting) the unreadable ones', () => {
    const record = { name: 'm', imap: { password: 'p1' }, smtp: { password: '' }, webhookSecret: 'w' };
    const sealed = box.transform(record, ['imap.password', 'smtp.password', 'webhookSecret', 'missing.path'], 'seal');
    expect(record.imap.password).toBe('p1');
    expect(sealed.imap.password).toMatch(/^enc:v1:/);
    expect(sealed.smtp.password).toBe('');
    expect(box.transform(sealed, ['imap.password', 'webhookSecret'], 'open')).toEqual(record);
    const warnings: string[] = [];
    const stranger = new SecretBox('a stranger key of good length', (message) => warnings.push(message));
    const opened = stranger.transform(sealed, ['imap.password', 'webhookSecret'], 'open', 'mailbox m');
    expect(opened).toEqual({ name: 'm', imap: {}, smtp: { password: '' } });
    expect(warnings).toEqual([expect.stringMatching(/^mailbox m \(imap.password\) cannot be decrypted/), expect.stringMatching(/^mailbox m \(webhookSecret\) cannot be decrypted/)]);
  });

  it('derives per-purpose keys that match across processes with the same secret', () => {
    const again = new SecretBox('correct horse battery staple');
    expect(box.deriveKey('bull-board sessions v1').equals(again.deriveKey('bull-board sessions v1'))).toBe(true);
    expect(box.deriveKey('bull-board sessions v1').equals(box.deriveKey('other purpose'))).toBe(false);
    expect(box.deriveKey('bull-board sessions v1')).toHaveLength(32);
  });

  it('rejects a short key', () => {
    expect(() => new SecretBox('short')).toThrow('at least 16 characters');
  });
});

describe('loadSecretBox', () => {
  it('creates a key file readable by its owner only on first start, and reuses it', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'autocase-secret-'));
    const keyFile = path.join(folder, 'nested', 'secret.key');
    const first = loadSecretBox({ secretKeyFile: keyFile, inMemory: false });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8').trim().length).toBeGreaterThanOrEqual(40);
    const again = loadSecretBox({ secretKeyFile: keyFile, inMemory: false });
    expect(again.open(first.seal('x'))).toBe('x');
  });

  it('prefers AUTOCASE_SECRET_KEY, and gives an in-memory database a per-process key', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'autocase-secret-'));
    const keyFile = path.join(folder, 'secret.key');
    const fromKey = loadSecretBox({ secretKey: 'the deployment secret key', secretKeyFile: keyFile, inMemory: false });
    expect(new SecretBox('the deployment secret key').open(fromKey.seal('y'))).toBe('y');
    expect(() => statSync(keyFile)).toThrow();
    const ephemeral = loadSecretBox({ secretKeyFile: keyFile, inMemory: true });
    expect(ephemeral.open(ephemeral.seal('z'))).toBe('z');
    expect(() => statSync(keyFile)).toThrow();
  });

  it('refuses a key file that is too short', () => {
    const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'autocase-secret-')), 'secret.key');
    writeFileSync(keyFile, 'short\n');
    expect(() => loadSecretBox({ secretKeyFile: keyFile, inMemory: false })).toThrow(/holds fewer than 16 characters/);
  });
});
