import { MlflowError } from './errors';

// Tokens of MLflow's search filter language: a SQL-like WHERE clause of AND-ed comparisons, e.g.
//   name LIKE 'fraud-%' AND tags.`team` = 'risk' AND version_number >= 3 AND run_id IN ('a', 'b')

export type Token =
  | { kind: 'identifier'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'operator'; value: string }
  | { kind: 'keyword'; value: 'AND' | 'OR' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT' }
  | { kind: 'punctuation'; value: '(' | ')' | ',' };

const KEYWORDS = new Set(['AND', 'OR', 'LIKE', 'ILIKE', 'IN', 'NOT']);
const OPERATORS = ['!=', '<>', '>=', '<=', '=', '>', '<'];

function syntaxError(filter: string, detail: string): MlflowError {
  return new MlflowError('INVALID_PARAMETER_VALUE', `Error on parsing filter '${filter}': ${detail}`);
}

/** Reads a quoted run starting at `start` (a doubled quote inside stands for one); returns its end. */
function readQuoted(filter: string, start: number): { value: string; end: number } {
  const quote = filter[start]!;
  let value = '';
  let i = start + 1;
  while (i < filter.length) {
    if (filter[i] === quote) {
      if (filter[i + 1] === quote && quote !== '`') {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += filter[i];
    i += 1;
  }
  throw syntaxError(filter, `unterminated ${quote} quote`);
}

/** An identifier: word characters and dots, with `backticked` or "quoted" parts (tags.`my key`). */
function readIdentifier(filter: string, start: number): { text: string; end: number } {
  let i = start;
  while (i < filter.length) {
    const c = filter[i]!;
    if (/[\w.]/.test(c)) i += 1;
    else if (c === '`' || (c === '"' && filter[i - 1] === '.')) i = readQuoted(filter, i).end;
    else break;
  }
  return { text: filter.slice(start, i), end: i };
}

export function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const c = filter[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'" || c === '"') {
      const { value, end } = readQuoted(filter, i);
      tokens.push({ kind: 'string', value });
      i = end;
    } else if (/\d/.test(c) || (c === '-' && /\d/.test(filter[i + 1] ?? ''))) {
      const text = /^-?\d+(\.\d+)?/.exec(filter.slice(i))![0];
      tokens.push({ kind: 'number', value: Number(text), text });
      i += text.length;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punctuation', value: c });
      i += 1;
    } else if (/[\w`]/.test(c)) {
      const { text, end } = readIdentifier(filter, i);
      const upper = text.toUpperCase();
      tokens.push(KEYWORDS.has(upper) ? { kind: 'keyword', value: upper as 'AND' } : { kind: 'identifier', text });
      i = end;
    } else {
      const op = OPERATORS.find((o) => filter.startsWith(o, i));
      if (!op) throw syntaxError(filter, `unexpected character '${c}'`);
      tokens.push({ kind: 'operator', value: op });
      i += op.length;
    }
  }
  return tokens;
}

export function tokenText(token: Token | undefined): string {
  if (!token) return 'end of filter';
  switch (token.kind) {
    case 'identifier':
      return token.text;
    case 'string':
      return `'${token.value}'`;
    case 'number':
      return token.text;
    default:
      return token.value;
  }
}
