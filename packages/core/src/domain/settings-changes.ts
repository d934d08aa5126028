import { isDeepStrictEqual } from 'node:util';
import type { Settings } from './settings.js';

/** One setting an admin changed: its key, and the value before and after. */
export interface SettingChange {
  setting: string;
  from: unknown;
  to: unknown;
}

/** The settings that differ between two versions, by key (nested objects and lists compared whole). */
export function settingsChanges(before: Settings, after: Settings): SettingChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: SettingChange[] = [];
  for (const key of keys) {
    const from = (before as unknown as Record<string, unknown>)[key];
    const to = (after as unknown as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(from, to)) changes.push({ setting: key, from: from ?? null, to: to ?? null });
  }
  return changes;
}
