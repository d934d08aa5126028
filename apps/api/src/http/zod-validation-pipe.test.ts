import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZodValidationPipe } from './zod-validation-pipe.js';

const schema = z.object({ email: z.email(), items: z.array(z.object({ count: z.number().min(1) })), mode: z.enum(['a', 'b']).default('a') });

describe('ZodValidationPipe', () => {
  it('returns the parsed value with defaults', () => {
    expect(new ZodValidationPipe(schema).transform({ email: 'a@b.co', items: [] })).toEqual({ email: 'a@b.co', items: [], mode: 'a' });
  });

  it('throws a 400 naming each bad path', () => {
    try {
      new ZodValidationPipe(schema).transform({ email: 'nope', items: [{ count: 0 }] });
      expect.unreachable('invalid input must throw');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      const body = (error as BadRequestException).getResponse() as { issues: { path: string; message: string }[]; message: string };
      expect(body.issues.map((issue) => issue.path)).toEqual(['email', 'items.0.count']);
      expect(body.message).toContain('items.0.count');
    }
  });

  it('names the body itself when it is not an object', () => {
    const body = (() => {
      try {
        new ZodValidationPipe(schema).transform('text');
      } catch (error) {
        return (error as BadRequestException).getResponse() as { issues: { path: string }[] };
      }
      return null;
    })();
    expect(body?.issues[0]?.path).toBe('(body)');
  });
});
