/**
 * Splits text on markdown-style `backticks` into plain and code parts. An unmatched backtick stays as
 * text. Only splits: the caller renders each part as a React text node, so nothing is parsed as HTML.
 */
export function inlineCodeParts(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ code: false, text: text.slice(last, match.index) });
    parts.push({ code: true, text: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}
