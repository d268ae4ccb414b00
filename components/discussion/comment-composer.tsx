'use client';

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { mentionQueryAt } from '@/lib/registry/mentions';
import { useMentionablePeople } from '@/lib/queries/use-comments';
import { COMMENT_MAX_LENGTH } from '@/lib/validations/comments';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { LazyCommentMarkdown } from './lazy-comment-markdown';

interface ComposerProps {
  model: string;
  initial?: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  /** Focus the text box on mount (editing). */
  autoFocus?: boolean;
}

/**
 * Markdown text box with a preview and an @ list: typing "@" and a few letters offers people by name or
 * e-mail (arrow keys and Enter or Tab pick one, Escape closes); Ctrl/⌘+Enter posts.
 */
export function CommentComposer({ model, initial = '', submitLabel, busy, onSubmit, onCancel, autoFocus }: ComposerProps) {
  const id = useId();
  const [body, setBody] = useState(initial);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const people = useMentionablePeople(model, mention?.query ?? null).data?.people ?? [];
  const open = mention !== null && people.length > 0;
  const tooLong = body.length > COMMENT_MAX_LENGTH;
  const empty = body.trim().length === 0;

  const track = (text: string, caret: number) => {
    setBody(text);
    const next = mentionQueryAt(text, caret);
    setMention(next);
    setActive(0);
  };

  const pick = (email: string) => {
    if (!mention || !box.current) return;
    const caret = box.current.selectionStart;
    const text = `${body.slice(0, mention.start)}@${email} ${body.slice(caret)}`;
    setBody(text);
    setMention(null);
    const at = mention.start + email.length + 2;
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
  };

  const submit = async () => {
    if (empty || tooLong || busy) return;
    await onSubmit(body).then(() => {
      if (!initial) setBody('');
      setTab('write');
    }, () => {});
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : people.length - 1)) % people.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(people[active]!.email);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const listId = `${id}-people`;
  return (
    <div className="rounded-lg border border-line bg-surface">
      <div role="tablist" aria-label="Comment editor" className="flex gap-1 border-b border-line px-2 pt-2">
        {(['write', 'preview'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={cx('rounded-t-md px-3 py-1.5 text-xs font-medium capitalize', tab === t ? 'bg-surface-muted text-ink' : 'text-ink-muted hover:text-ink')}
          >
            {t}
          </button>
        ))}
      </div>
      <div className="relative p-2">
        {tab === 'write' ? (
          <>
            <label htmlFor={`${id}-body`} className="sr-only">
              Comment (markdown; @ mentions a person)
            </label>
            <textarea
              id={`${id}-body`}
              ref={box}
              value={body}
              autoFocus={autoFocus}
              rows={4}
              placeholder="Add to the discussion… Markdown works; type @ to mention someone."
              onChange={(e) => track(e.target.value, e.target.selectionStart)}
              onKeyDown={onKeyDown}
              onBlur={() => setTimeout(() => setMention(null), 150)}
              aria-controls={open ? listId : undefined}
              aria-autocomplete="list"
              aria-activedescendant={open ? `${listId}-${active}` : undefined}
              aria-invalid={tooLong || undefined}
              className="block w-full resize-y rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30"
            />
            {open && (
              <ul id={listId} role="listbox" aria-label="People to mention" className="absolute left-4 z-20 mt-1 w-72 max-w-[calc(100%-2rem)] overflow-hidden rounded-md border border-line bg-surface shadow-lg">
                {people.map((person, index) => (
                  <li
                    key={person.id}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      pick(person.email);
                    }}
                    className={cx('cursor-pointer px-3 py-2 text-sm', index === active ? 'bg-accent text-accent-ink' : 'text-ink hover:bg-surface-muted')}
                  >
                    <span className="font-medium">{person.name}</span> <span className={cx('text-xs', index === active ? 'text-accent-ink' : 'text-ink-muted')}>{person.email}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <div className="min-h-24 px-2 py-1 text-sm" data-testid="comment-preview">
            {empty ? <p className="text-ink-muted">Nothing to preview.</p> : <LazyCommentMarkdown markdown={body} />}
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-line px-3 py-2">
        <p className={cx('text-xs', tooLong ? 'font-medium text-red-700 dark:text-red-400' : 'text-ink-muted')} aria-live="polite">
          {tooLong ? `${(body.length - COMMENT_MAX_LENGTH).toLocaleString('en')} characters too long` : 'Ctrl+Enter to post'}
        </p>
        <div className="flex gap-2">
          {onCancel && (
            <Button size="sm" variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button size="sm" variant="primary" onClick={() => void submit()} disabled={empty || tooLong || busy} aria-busy={busy || undefined}>
            {busy ? 'Saving…' : submitLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}
