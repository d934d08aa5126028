import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect.js';

const origin = 'http://127.0.0.1:3002';

describe('safeRedirectPath', () => {
  it.each([
    ['/cases/42?tab=audit#notes', '/cases/42?tab=audit#notes'],
    ['/inbox', '/inbox'],
    ['/cases/%E5%A0%B1', '/cases/%E5%A0%B1'],
  ])('keeps the same-origin path %s', (next, expected) => {
    expect(safeRedirectPath(next, origin, '/inbox')).toBe(expected);
  });

  it.each([
    '//evil.example/phish',
    '/\\127.0.0.2/phish',
    '/%5C127.0.0.2/phish',
    '/%5c127.0.0.2/phish',
    '/%09/127.0.0.2',
    '/\t/127.0.0.2',
    '/%2F127.0.0.2/phish',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /inbox',
    '/%ZZ',
    '/sign-in',
    '/sign-in?next=/inbox',
    '',
  ])('falls back for %j', (next) => {
    expect(safeRedirectPath(next, origin, '/inbox')).toBe('/inbox');
  });

  it('falls back when there is no next', () => {
    expect(safeRedirectPath(null, origin, '/fields')).toBe('/fields');
  });
});
