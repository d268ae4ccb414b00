import { Fragment } from 'react';
import { inlineCodeParts } from './inline-code-parts';

/** Text whose `backticked` spans show as code (descriptions written for the OpenAPI document). */
export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {inlineCodeParts(text).map((part, i) =>
        part.code ? (
          <code key={i} className="rounded bg-surface-muted px-1 font-mono text-[0.9em] text-ink">
            {part.text}
          </code>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
