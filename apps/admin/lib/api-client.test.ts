import { describe, expect, it } from 'vitest';
import { buildApiPath } from './api-client';

describe('buildApiPath', () => {
  it('prefixes /api and drops empty query values', () => {
    expect(buildApiPath('/cases', { channel: 'email', status: '', q: undefined, page: 2 })).toBe('/api/cases?channel=email&page=2');
    expect(buildApiPath('admin/fields')).toBe('/api/admin/fields');
    expect(buildApiPath('/api/health')).toBe('/api/health');
  });

  it('encodes query values', () => {
    expect(buildApiPath('/emails', { q: 'a&b c' })).toBe('/api/emails?q=a%26b+c');
  });
});
