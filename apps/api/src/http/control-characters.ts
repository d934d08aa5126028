import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { validationException, type ValidationIssue } from './zod-validation-pipe.js';

/** C0 controls except tab, line feed and carriage return, and DEL: never meaningful in text a person typed. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function codePoint(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The first string (or object key) in `value` holding a control character, as a validation issue naming its path.
 * Byte bodies (Buffers: raw MIME, uploads) are not text and are not looked into.
 */
export function findControlCharacter(value: unknown, path: string[] = []): ValidationIssue | null {
  if (typeof value === 'string') {
    const found = CONTROL_CHARACTER.exec(value);
    return found ? { path: path.join('.') || '(value)', message: `contains a control character (${codePoint(found[0])}), which is not allowed in text; remove it` } : null;
  }
  if (!isPlainContainer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const inKey = findControlCharacter(key, [...path, '(key)']);
    if (inKey) return inKey;
    const inItem = findControlCharacter(item, [...path, key]);
    if (inItem) return inItem;
  }
  return null;
}

/** Throws the usual 400 (`issues: [{ path, message }]`) when `value` holds a control character. */
export function rejectControlCharacters(value: unknown, prefix?: string): void {
  const issue = findControlCharacter(value, prefix ? [prefix] : []);
  if (issue) throw validationException([issue]);
}

/**
 * Global pipe: every body, query and route parameter is refused with a 400 when one of its strings holds a control
 * character (a NUL, an escape, …). PostgreSQL cannot store a NUL in text, and none of them belongs in a name,
 * a title, a message or a search.
 */
export class RejectControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      rejectControlCharacters(value, metadata.type === 'body' ? undefined : (metadata.data ?? metadata.type));
    }
    return value;
  }
}
