import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { findControlCharacter, RejectControlCharactersPipe } from './control-characters.js';

describe('findControlCharacter', () => {
  it('allows tabs, new lines and any printable text', () => {
    expect(findControlCharacter({ text: 'line one\r\nline two\tand 報告 ✓', nested: [{ name: 'Zoë' }] })).toBeNull();
  });

  it('names the path and the character it found', () => {
    expect(findControlCharacter({ customer: { name: 'Eve\u0000' } })).toEqual({ path: 'customer.name', message: expect.stringContaining('U+0000') });
    expect(findControlCharacter({ items: ['ok', 'bell\u0007'] })).toMatchObject({ path: 'items.1' });
    expect(findControlCharacter({ 'key\u001b': 'x' })).toMatchObject({ path: '(key)' });
    expect(findControlCharacter('del\u007f')).toMatchObject({ message: expect.stringContaining('U+007F') });
  });

  it('does not look into byte bodies', () => {
    expect(findControlCharacter(Buffer.from('raw\u0000mime'))).toBeNull();
  });
});

describe('RejectControlCharactersPipe', () => {
  const pipe = new RejectControlCharactersPipe();

  it('refuses a query value with a NUL with a 400 naming the parameter', () => {
    try {
      pipe.transform('abc\u0000', { type: 'query', data: 'q' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      expect((error as BadRequestException).getResponse()).toMatchObject({ statusCode: 400, issues: [{ path: 'q' }] });
    }
  });

  it('passes clean values and custom parameters through', () => {
    expect(pipe.transform({ title: 'Refund' }, { type: 'body' })).toEqual({ title: 'Refund' });
    expect(pipe.transform('x\u0000', { type: 'custom' })).toBe('x\u0000');
  });
});
