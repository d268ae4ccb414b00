/**
 * Mentions in a comment: `@` followed by a person's e-mail address, e.g. `@dana@example.com` (the composer
 * inserts them from a list, so nobody types an address by heart). E-mail addresses are the one name every
 * user has and no two share. Text in code spans and code blocks is not a mention.
 */
export const MAX_MENTIONS = 20;

// Not preceded by a word character or another @ (so a plain address "x@y.z" is not a mention of "y.z").
const MENTION = /(?<![\w@.+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
const FENCE = /^\s{0,3}(```|~~~)/;

/** The distinct addresses mentioned in `markdown`, lower-cased, in order of first appearance, at most MAX_MENTIONS. */
export function extractMentions(markdown: string): string[] {
  const found = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    for (const match of stripInlineCode(line).matchAll(MENTION)) {
      found.add(trimTrailingDot(match[1]!).toLowerCase());
      if (found.size === MAX_MENTIONS) return [...found];
    }
  }
  return [...found];
}

/** Splits text into plain runs and mentions, for rendering a mention as a chip. */
export function splitMentions(text: string): ({ text: string } | { mention: string })[] {
  const parts: ({ text: string } | { mention: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    const address = trimTrailingDot(match[1]!);
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ mention: address.toLowerCase() });
    last = start + 1 + address.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The word being typed as a mention at the caret (after "@"), or null: what the composer suggests for. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[\s(])@([A-Za-z0-9._%+@-]{0,60})$/.exec(before);
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

function stripInlineCode(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, ' ');
}

// A sentence may end right after a mention: "ask @dana@example.com." names dana@example.com.
function trimTrailingDot(address: string): string {
  return address.replace(/\.+$/, '');
}
