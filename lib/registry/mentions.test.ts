import { describe, expect, it } from 'vitest';
import { extractMentions, MAX_MENTIONS, mentionQueryAt, splitMentions } from './mentions';

describe('extractMentions', () => {
  it('finds each mentioned address once, lower-cased, in order', () => {
    expect(extractMentions('@Dana@Example.com please look, cc @lee@example.com and @dana@example.com')).toEqual(['dana@example.com', 'lee@example.com']);
  });

  it('does not read a plain e-mail address as a mention of its domain', () => {
    expect(extractMentions('write to ops@example.com')).toEqual([]);
  });

  it('ends a mention at a sentence full stop', () => {
    expect(extractMentions('Ask @dana@example.com.')).toEqual(['dana@example.com']);
  });

  it('ignores mentions in code spans and fenced code', () => {
    expect(extractMentions('`@dana@example.com`\n```\n@lee@example.com\n```\n@kim@example.com')).toEqual(['kim@example.com']);
  });

  it(`keeps at most ${MAX_MENTIONS}`, () => {
    const text = Array.from({ length: 30 }, (_, i) => `@u${i}@example.com`).join(' ');
    expect(extractMentions(text)).toHaveLength(MAX_MENTIONS);
  });
});

describe('splitMentions', () => {
  it('splits text around mentions', () => {
    expect(splitMentions('hi @dana@example.com, ok')).toEqual([{ text: 'hi ' }, { mention: 'dana@example.com' }, { text: ', ok' }]);
  });
});

describe('mentionQueryAt', () => {
  it('gives the word typed after @ at the caret', () => {
    expect(mentionQueryAt('hello @da', 9)).toEqual({ start: 6, query: 'da' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
  });

  it('is null inside an address or without @', () => {
    expect(mentionQueryAt('ops@exa', 7)).toBeNull();
    expect(mentionQueryAt('hello', 5)).toBeNull();
  });
});
