import { raw } from '@mikro-orm/core';

/** `%`, `_` and the escape character itself, escaped so LIKE matches them literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * A where-clause entry for "column contains this text": the text is bound and escaped, so a
 * search for `100%` or `a_b` finds those characters instead of treating them as wildcards.
 * `ESCAPE '\'` is spelled out because SQLite's LIKE has no default escape character.
 */
export function containsText(column: string, text: string): Record<string, unknown> {
  const fragment = raw<string>((alias) => `${alias}.${column} like ? escape '\\'`, [`%${escapeLikePattern(text)}%`]);
  return { [fragment]: [] };
}
