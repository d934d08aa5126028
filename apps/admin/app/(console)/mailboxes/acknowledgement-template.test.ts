import { describe, expect, it } from 'vitest';
import { SAMPLE_VALUES, renderTemplate, unknownPlaceholders } from './acknowledgement-template';

describe('acknowledgement templates', () => {
  it('fills known placeholders, tolerating spaces, and keeps unknown ones', () => {
    expect(renderTemplate('Hi {{customerName}}, ref {{ caseNumber }} {{ticket}}', SAMPLE_VALUES)).toBe('Hi Ann Customer, ref CAS-00042 {{ticket}}');
  });
  it('lists unknown placeholders once', () => {
    expect(unknownPlaceholders('{{ticket}} {{subject}} {{ticket}} {{Name}}')).toEqual(['ticket', 'Name']);
  });
});
