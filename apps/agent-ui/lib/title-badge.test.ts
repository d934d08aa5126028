import { describe, expect, it } from 'vitest';
import { badgedTitle } from './title-badge';

/** What `document.title` reads after a write: the browser trims and collapses white space. */
const asBrowserReads = (title: string) => title.replace(/\s+/g, ' ').trim();

describe('badgedTitle', () => {
  it('adds, replaces and removes the waiting count', () => {
    expect(badgedTitle('Inbox · Autocase Agent', 3)).toBe('(3) Inbox · Autocase Agent');
    expect(badgedTitle('(3) Inbox · Autocase Agent', 4)).toBe('(4) Inbox · Autocase Agent');
    expect(badgedTitle('(3) (2) Inbox · Autocase Agent', 0)).toBe('Inbox · Autocase Agent');
  });

  it('writes nothing when the title already reads so', () => {
    expect(badgedTitle('(3) Inbox · Autocase Agent', 3)).toBeNull();
    expect(badgedTitle('Inbox · Autocase Agent', 0)).toBeNull();
  });

  it('writes nothing while there is no page title (mid-navigation), which used to loop forever', () => {
    expect(badgedTitle('', 10)).toBeNull();
    expect(badgedTitle('(10)', 10)).toBeNull();
    expect(badgedTitle('(10) ', 10)).toBeNull();
  });

  it('settles after one write whatever the title, as the browser trims it', () => {
    for (const start of ['', ' ', '(1)', 'Inbox', '  Case   CAS-00001 ', '(2)(3) Cases', '(0) x']) {
      for (const count of [0, 1, 10]) {
        const first = badgedTitle(start, count);
        const after = first === null ? start : asBrowserReads(first);
        expect(badgedTitle(after, count), `${JSON.stringify(start)} with ${count}`).toBeNull();
      }
    }
  });
});
