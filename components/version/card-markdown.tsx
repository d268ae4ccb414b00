'use client';

import { createElement, Fragment, useMemo, type ReactNode } from 'react';
import type { Token } from 'markdown-it';
import { createCardParser, createCommentParser } from '@/lib/registry/model-card';

/*
 * Renders a model card in the browser, from markdown-it's tokens to React elements (never innerHTML): raw
 * HTML stays text (html: false), and links markdown-it finds unsafe (javascript:, vbscript:, file:, most
 * data:) stay text too. Parsing here, not on the server, keeps a 200 KB card's cost off the app's event loop.
 */
const PARSERS = { card: createCardParser(), comment: createCommentParser() };

/** Tags markdown-it's default rules produce; anything else is rendered as its children only. */
const TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'em', 'strong', 's', 'a']);

/** Renders a run of plain text; comments use it to show @mentions as names. */
export type TextRenderer = (text: string, key: number) => ReactNode;
const plainText: TextRenderer = (text) => text;

export function CardMarkdown({ markdown, renderText = plainText, variant = 'card' }: { markdown: string; renderText?: TextRenderer; variant?: keyof typeof PARSERS }) {
  const content = useMemo(() => build(PARSERS[variant].parse(markdown, {}), renderText), [markdown, renderText, variant]);
  return <div className="markdown">{content}</div>;
}

/** Folds the flat token stream (opening, leaf and closing tokens) into a tree without recursing on depth. */
function build(tokens: readonly Token[], renderText: TextRenderer): ReactNode[] {
  const root: ReactNode[] = [];
  const open: { token: Token; children: ReactNode[] }[] = [];
  tokens.forEach((token, key) => {
    const siblings = open.at(-1)?.children ?? root;
    if (token.nesting === 1) open.push({ token, children: [] });
    else if (token.nesting === -1) {
      const opened = open.pop();
      if (opened) (open.at(-1)?.children ?? root).push(element(opened.token, opened.children, key));
    } else siblings.push(leaf(token, key, renderText));
  });
  return root;
}

const attr = (token: Token, name: string): string | undefined => {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
};

function element(token: Token, children: ReactNode[], key: number): ReactNode {
  // Paragraphs of tight lists are hidden: their text sits directly in the list item.
  if (token.hidden || !TAGS.has(token.tag)) return createElement(Fragment, { key }, ...children);
  if (token.tag === 'a') {
    const href = attr(token, 'href');
    const external = href !== undefined && /^https?:\/\//i.test(href);
    // Links open without handing this page to the target.
    return createElement('a', { key, href, title: attr(token, 'title'), rel: 'noopener noreferrer', target: external ? '_blank' : undefined }, ...children);
  }
  if (token.tag === 'ol') return createElement('ol', { key, start: Number(attr(token, 'start') ?? 1) }, ...children);
  if (token.tag === 'th' || token.tag === 'td') {
    const align = attr(token, 'style')?.replace('text-align:', '');
    const textAlign = align === 'left' || align === 'right' || align === 'center' ? align : undefined;
    return createElement(token.tag, { key, style: textAlign ? { textAlign } : undefined }, ...children);
  }
  return createElement(token.tag, { key }, ...children);
}

function leaf(token: Token, key: number, renderText: TextRenderer): ReactNode {
  switch (token.type) {
    case 'inline':
      return createElement(Fragment, { key }, ...build(token.children ?? [], renderText));
    case 'text':
      return renderText(token.content, key);
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return createElement('br', { key });
    case 'code_inline':
      return createElement('code', { key }, token.content);
    case 'fence':
    case 'code_block':
      return createElement('pre', { key }, createElement('code', null, token.content));
    case 'hr':
      return createElement('hr', { key });
    case 'image':
      return createElement('img', { key, src: attr(token, 'src'), alt: token.content, title: attr(token, 'title'), loading: 'lazy' });
    default:
      return null;
  }
}
