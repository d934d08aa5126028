const BADGE_PREFIX = /^(\(\d+\)\s*)+/;

/** The title as the browser reports it: `document.title` trims and collapses white space. */
function normalized(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/**
 * The title to write so the tab shows `(count) <page title>`, or null when nothing should be written:
 * the title already reads so, or there is no page title yet (during a navigation the framework removes
 * the old `<title>` before adding the new one; writing then would create a title of our own and, since the
 * browser trims it back, loop forever).
 */
export function badgedTitle(current: string, count: number): string | null {
  const base = normalized(normalized(current).replace(BADGE_PREFIX, ''));
  if (base === '') return null;
  const wanted = count > 0 ? `(${count}) ${base}` : base;
  return wanted === normalized(current) ? null : wanted;
}
