import MarkdownIt, { type MarkdownIt as Parser, type Token } from 'markdown-it';

/*
 * Model cards are written by whoever registers a version: untrusted text of up to 200 KB that viewers and
 * gates read. They are parsed by markdown-it, a CommonMark parser that runs in linear time on hostile input
 * (its test suite includes the pathological cases) and caps nesting depth. micromark, behind react-markdown,
 * does not: 200 KB of "*a" took over four minutes to parse, so it is no longer used for cards.
 *
 * The gate and the page use the same options, so a heading the page shows is the heading the gate counts.
 * Raw HTML stays text (never markup), as it did before.
 */
const OPTIONS = { html: false, linkify: true, typographer: false } as const;

/** The parser the version page renders cards with. */
export function createCardParser(): Parser {
  return new MarkdownIt('default', OPTIONS);
}

/** Comments: the card's rules, but a bare e-mail address stays text, so `@dana@example.com` reads as a mention. */
export function createCommentParser(): Parser {
  const parser = new MarkdownIt('default', OPTIONS);
  parser.linkify.set({ fuzzyEmail: false });
  return parser;
}

export interface CardSection {
  /** The heading's text as the page shows it, lower-cased, without a trailing ":" or ".". */
  name: string;
  /** Whether any text other than whitespace and HTML comments (template placeholders) sits under it. */
  filled: boolean;
}

/** The card's sections in order, one per heading of any level (a repeated heading appears again). */
export function cardOutline(markdown: string): CardSection[] {
  const outline = new OutlineBuilder();
  gateParsers().blocks.parse(markdown, { outline } satisfies OutlineEnv);
  outline.flush();
  return outline.sections;
}

/**
 * The required sections (as named in the policy) that are missing or empty, in the policy's order. Reads the
 * outline stored at registration when there is a well-formed one, else parses the card.
 */
export function missingCardSections(required: readonly string[], markdown: string, stored?: unknown): string[] {
  const sections = new Map<string, boolean>();
  for (const { name, filled } of isOutline(stored) ? stored : cardOutline(markdown)) sections.set(name, (sections.get(name) ?? false) || filled);
  return required.filter((name) => !sections.get(name.trim().toLowerCase()));
}

function isOutline(value: unknown): value is CardSection[] {
  return Array.isArray(value) && value.every((s) => typeof s === 'object' && s !== null && typeof (s as CardSection).name === 'string' && typeof (s as CardSection).filled === 'boolean');
}

/*
 * The gate needs block structure only — which headings exist and whether anything sits under them — so it
 * runs markdown-it's block rules (the same rules, consuming the same lines) without the inline pass, and
 * hands each block token to the outline as it is made instead of keeping a list of them. Keeping 400,000
 * tokens for a 200 KB table was most of the cost (210 ms → 20 ms); the rules read back only the `hidden`
 * flag of tight lists' paragraphs, which the outline does not use.
 */
interface OutlineEnv {
  outline: OutlineBuilder;
}

let parsers: { blocks: Parser; headings: Parser } | undefined;
function gateParsers() {
  if (!parsers) {
    const blocks = new MarkdownIt('default', OPTIONS);
    blocks.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
    const BlockState = blocks.block.State;
    blocks.block.State = class StreamingBlockState extends BlockState {
      override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
        if (nesting < 0) this.level--;
        // A plain record rather than a Token (whose constructor defines each field): block rules only assign
        // fields of what push returns, and nothing else sees these.
        const token = { type, tag, nesting, level: this.level, content: '' } as Token;
        if (nesting > 0) this.level++;
        (this.env as unknown as OutlineEnv).outline.take(token);
        return token;
      }
    };
    // Made on first use, so pages that import the registry only for its tables pay nothing for them.
    parsers = { blocks, headings: createCardParser() };
  }
  return parsers;
}

/**
 * Headings with markup (emphasis, links, escapes…) go through the inline parser to get the text the page
 * shows; plain ones need no parsing. Required sections have names of at most 100 characters and a real card
 * has dozens of headings, so past these bounds a heading is not read as a section name (it still ends the
 * section before it): the gate then finds a section missing, never one that is not there.
 */
const MAX_HEADING_SOURCE = 1_000;
const MAX_MARKUP_HEADINGS = 500;

/** Characters that can make a heading's shown text differ from its source (escapes, entities, markup, line breaks). */
const INLINE_MARKUP = /[\\&`*_[\]!<~\n]/;

class OutlineBuilder {
  readonly sections: CardSection[] = [];
  /** A block rule fills a token's content after pushing it, so each token is read when the next one arrives. */
  private pending: Token | null = null;
  private inHeading = false;
  private markupHeadings = 0;

  take(token: Token) {
    this.flush();
    this.pending = token;
  }

  flush() {
    const token = this.pending;
    this.pending = null;
    if (!token) return;
    if (token.type === 'heading_open') {
      this.inHeading = true;
    } else if (token.type === 'heading_close') {
      this.inHeading = false;
    } else if (this.inHeading && token.type === 'inline') {
      this.sections.push({ name: this.sectionName(token.content), filled: false });
    } else if (this.sections.length > 0 && showsText(token)) {
      this.sections[this.sections.length - 1]!.filled = true;
    }
  }

  private sectionName(source: string): string {
    if (source.length > MAX_HEADING_SOURCE) return '';
    if (!INLINE_MARKUP.test(source)) return normalizedName(source);
    if (++this.markupHeadings > MAX_MARKUP_HEADINGS) return '';
    return normalizedName(shownText(source));
  }
}

/** What the page shows for a heading's source: its text and code, without the markup around them. */
function shownText(source: string): string {
  return gateParsers()
    .headings.parseInline(source, {})
    .flatMap((t) => t.children ?? [])
    .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type === 'softbreak' ? ' ' : ''))
    .join('');
}

function normalizedName(text: string): string {
  const name = text.trim().toLowerCase();
  const last = name.at(-1);
  return last === ':' || last === '.' ? name.slice(0, -1).trimEnd() : name;
}

function showsText(token: Token): boolean {
  if (token.type === 'inline') return withoutHtmlComments(token.content).trim() !== '';
  if (token.type === 'fence' || token.type === 'code_block') return token.content.trim() !== '';
  return false;
}

/** The text with every complete `<!-- … -->` removed; one left-to-right pass (no backtracking regex). */
export function withoutHtmlComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf('<!--', from);
    if (start < 0) return out + text.slice(from);
    const end = text.indexOf('-->', start + 4);
    if (end < 0) return out + text.slice(from); // Unterminated: shown as text, so it counts.
    out += text.slice(from, start);
    from = end + 3;
  }
}
