// Hostile inputs for every field of user text, each at its field's maximum size: the shapes that make
// backtracking regexes and markdown parsers go quadratic or worse (long runs of one delimiter, unclosed
// openers, deep nesting, many tiny blocks). Used by the unit tests (each processor, timed) and by the
// reliability test (the worst one against a running app while /api/health is polled).

export const CARD_LIMIT = 200_000;

function filler(size: number) {
  return (unit: string, prefix = '', suffix = '') => prefix + unit.repeat(Math.max(0, Math.floor((size - prefix.length - suffix.length) / unit.length))) + suffix;
}

/** Model cards of at most 200 KB. The first is the 3 KB card that froze the server for 8.5 s. */
export function hostileCards(size = CARD_LIMIT): Record<string, string> {
  const fill = filler(size);
  return {
    'heading, 3,000 spaces, x (3 KB)': `# a${' '.repeat(3000)}x`,
    'heading, spaces, x': fill(' ', '# a', 'x'),
    'one heading per line with trailing spaces': fill(`# a${' '.repeat(3000)}x\n`),
    'emphasis "*a"': fill('*a'),
    'emphasis "*_"': fill('*_'),
    'emphasis after punctuation ".*"': fill('.*'),
    'strong "**a"': fill('**a'),
    'strikethrough "~~a"': fill('~~a'),
    'unclosed brackets "["': fill('['),
    'unclosed images "!["': fill('!['),
    'unclosed links "[a]("': fill('[a]('),
    'emphasis in links "*[a*]("': fill('*[a*]('),
    'brackets opened then closed': `${'['.repeat(size / 2)}${']'.repeat(size / 2)}`,
    'backtick runs of growing length': Array.from({ length: 2000 }, (_, i) => `${'`'.repeat((i % 50) + 1)}a`).join('').slice(0, size),
    'unclosed comments "<!--"': fill('<!--'),
    'comments in text': fill('a <!-- b --> '),
    'unclosed tags "<a "': fill('<a '),
    'CDATA openers': fill('<![CDATA['),
    'nested quotes "> "': fill('> ', '', 'a'),
    'nested lists "- "': fill('- '),
    'nested ordered lists "1. "': fill('1. '),
    'staircase list': Array.from({ length: 5000 }, (_, i) => `${' '.repeat((i % 200) * 2)}- a`).join('\n').slice(0, size),
    'table rows "a|b"': `a|b\n-|-\n${fill('a|b\n').slice(8)}`,
    'wide table': `|${'a|'.repeat(size / 8)}\n|${'-|'.repeat(size / 8)}\n${'|a'.repeat(size / 8)}`,
    'underlined headings "a\\n=\\n"': fill('a\n=\n'),
    'tiny headings "#a\\n# a\\n"': fill('#a\n# a\n'),
    'headings with emphasis': fill('# *a*\n'),
    'headings with links': fill('# [a](b)\n'),
    'reference definitions': fill('[a]: b\n'),
    'reference uses': `[a]: b\n${fill('[a]').slice(7)}`,
    'footnote openers "[^"': fill('[^'),
    'autolink-ish "www."': fill('www.'),
    'autolink-ish "a@"': fill('a@'),
    'URL with underscores': fill('_', 'http://a.'),
    'backslashes': fill('\\'),
    'entity openers "&#"': fill('&#'),
    'code fences': fill('```\n'),
  };
}

/**
 * The CPU time of the best of three runs, in milliseconds: the cost of the work itself, not of a machine
 * shared with other test processes (wall time there measures the scheduler). Test files run in processes of
 * their own, so the process's CPU time is this work's.
 */
export function timeOf(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}
