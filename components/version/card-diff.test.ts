import { describe, expect, it } from 'vitest';
import { cardDiff, diffStats } from './card-diff';

describe('cardDiff', () => {
  it('marks the lines an edit added and removed, and keeps the rest', () => {
    const lines = cardDiff('## Intended use\nScoring.\n## Limitations\nTypo here\n', '## Intended use\nScoring.\n## Limitations\nNo typo here\n');
    expect(lines).toEqual([
      { kind: 'same', text: '## Intended use' },
      { kind: 'same', text: 'Scoring.' },
      { kind: 'same', text: '## Limitations' },
      { kind: 'removed', text: 'Typo here' },
      { kind: 'added', text: 'No typo here' },
    ]);
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1 });
  });

  it('shows a card written from nothing as all added', () => {
    expect(diffStats(cardDiff('', '## A\nx\n'))).toEqual({ added: 2, removed: 0 });
  });

  it('finds no change between equal revisions', () => {
    expect(cardDiff('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
  });
});
