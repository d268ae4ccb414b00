import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './field-errors';

describe('fieldErrors', () => {
  const schema = z.object({ email: z.email('Give an email address.'), name: z.string().min(2, 'Too short.').max(3, 'Too long.'), other: z.string() });

  it("keeps each named field's first message and nothing for fields the form does not show", () => {
    const parsed = schema.safeParse({ email: 'nope', name: '', other: 1 });
    expect(fieldErrors(parsed.error, ['email', 'name'] as const)).toEqual({ email: 'Give an email address.', name: 'Too short.' });
  });

  it('is empty when the input parsed', () => {
    expect(fieldErrors(schema.safeParse({ email: 'a@b.co', name: 'ab', other: 'x' }).error, ['email'] as const)).toEqual({});
  });
});
