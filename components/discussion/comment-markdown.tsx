'use client';

import { createElement, Fragment, useCallback } from 'react';
import { splitMentions } from '@/lib/registry/mentions';
import { CardMarkdown } from '@/components/version/card-markdown';

/** Markdown of a comment; `@email` of a mentioned person shows as their name. */
export function CommentMarkdown({ markdown, people = [] }: { markdown: string; people?: readonly { name: string; email: string }[] }) {
  const renderText = useCallback(
    (text: string, key: number) => {
      if (!text.includes('@')) return text;
      return createElement(
        Fragment,
        { key },
        ...splitMentions(text).map((part, i) => {
          if ('text' in part) return part.text;
          const person = people.find((p) => p.email.toLowerCase() === part.mention);
          return (
            <span key={i} data-testid="mention" title={part.mention} className="rounded bg-accent/10 px-1 font-medium text-accent-text">
              @{person ? person.name : part.mention}
            </span>
          );
        }),
      );
    },
    [people],
  );
  return <CardMarkdown markdown={markdown} renderText={renderText} variant="comment" />;
}
