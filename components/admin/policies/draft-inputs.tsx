'use client';

import { useState, type InputHTMLAttributes } from 'react';
import { Input } from '@/components/ui/input';

type Props<T> = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: T; onChange: (value: T) => void };

/**
 * An input that keeps what is typed ("0.", "" or "1e") while the draft holds the parsed value, so typing
 * is never fought; an outside change (reset, default) replaces the text.
 */
function useTypedText<T>(value: T, format: (v: T) => string, parse: (text: string) => T, same: (a: T, b: T) => boolean) {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  if (!same(value, seen)) {
    setSeen(value);
    setText(format(value));
  }
  return {
    text,
    change: (next: string, onChange: (v: T) => void) => {
      const parsed = parse(next);
      setText(next);
      setSeen(parsed);
      onChange(parsed);
    },
  };
}

const sameNumber = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** A decimal number; empty or unreadable text becomes NaN, which validation reports. */
export function NumberInput({ value, onChange, ...props }: Props<number>) {
  const { text, change } = useTypedText(value, (v) => (Number.isNaN(v) ? '' : String(v)), (t) => (t.trim() === '' ? Number.NaN : Number(t)), sameNumber);
  return <Input type="text" inputMode="decimal" autoComplete="off" value={text} onChange={(e) => change(e.target.value, onChange)} {...props} />;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A comma-separated list of names. */
export function ListInput({ value, onChange, ...props }: Props<string[]>) {
  const { text, change } = useTypedText(value, (v) => v.join(', '), splitList, sameList);
  return <Input type="text" autoComplete="off" value={text} onChange={(e) => change(e.target.value, onChange)} {...props} />;
}

const sameOptional = (a: number | undefined, b: number | undefined) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** A whole number that may be left empty: empty is undefined ("not set"), unreadable text NaN (an error). */
export function OptionalNumberInput({ value, onChange, ...props }: Props<number | undefined>) {
  const { text, change } = useTypedText(value, (v) => (v === undefined || Number.isNaN(v) ? '' : String(v)), (t) => (t.trim() === '' ? undefined : Number(t)), sameOptional);
  return <Input type="text" inputMode="numeric" autoComplete="off" value={text} onChange={(e) => change(e.target.value, onChange)} {...props} />;
}
