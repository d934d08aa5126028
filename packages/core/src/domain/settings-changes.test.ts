import { describe, expect, it } from 'vitest';
import { buildSettings } from '../testing/builders.js';
import { settingsChanges } from './settings-changes.js';

describe('settingsChanges', () => {
  it('names each changed setting with its old and new value, nothing else', () => {
    const before = buildSettings({ allowAiOverrideOfAgentEdits: false, defaultThreshold: 0.7 });
    expect(settingsChanges(before, before)).toEqual([]);
    const after = { ...before, allowAiOverrideOfAgentEdits: true, defaultThreshold: 0.8, predictorPrecedence: [...before.predictorPrecedence].reverse() };
    const changes = settingsChanges(before, after);
    expect(changes.filter((change) => change.setting !== 'predictorPrecedence')).toEqual([
      { setting: 'allowAiOverrideOfAgentEdits', from: false, to: true },
      { setting: 'defaultThreshold', from: 0.7, to: 0.8 },
    ]);
  });
});
