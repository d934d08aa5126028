/** Lists come back as a bare array or as `{ items, total }`; this returns the items either way. */
export function listItems<T>(payload: T[] | { items?: T[] } | null | undefined): T[] {
  if (Array.isArray(payload)) return payload;
  return payload?.items ?? [];
}
