/**
 * Drops the errors of top-level keys whose value changed between `before` and `after`
 * (errors are keyed by dotted paths such as `imap.host` or `items.0.name`), so a message
 * disappears as soon as its input is edited while the others stay visible.
 */
export function clearChangedErrors<T extends object>(errors: Record<string, string>, before: T, after: T): Record<string, string> {
  const changed = new Set(
    Object.keys({ ...before, ...after }).filter((key) => JSON.stringify((before as Record<string, unknown>)[key]) !== JSON.stringify((after as Record<string, unknown>)[key])),
  );
  if (changed.size === 0) return errors;
  const remaining = Object.entries(errors).filter(([path]) => !changed.has(path.split('.')[0] ?? path));
  return remaining.length === Object.keys(errors).length ? errors : Object.fromEntries(remaining);
}
