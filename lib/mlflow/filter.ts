import { MlflowError } from './errors';
import { tokenize, tokenText, type Token } from './filter-lexer';

// MLflow's search filter grammar for the model registry (mlflow/utils/search_utils.py:
// SearchModelUtils, SearchModelVersionUtils), parsed into a flat list of AND-ed clauses.

export type Comparator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'LIKE' | 'ILIKE' | 'IN';

export interface Clause {
  type: 'attribute' | 'tag';
  key: string;
  comparator: Comparator;
  value: string | number | string[];
}

interface AttributeRule {
  comparators: readonly Comparator[];
  numeric?: boolean;
}

export interface FilterGrammar {
  attributes: Readonly<Record<string, AttributeRule>>;
}

const STRING_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE'] as const;
const NUMERIC_COMPARATORS = ['=', '!=', '>', '>=', '<', '<='] as const;

export const REGISTERED_MODEL_FILTER: FilterGrammar = { attributes: { name: { comparators: STRING_COMPARATORS } } };

export const MODEL_VERSION_FILTER: FilterGrammar = {
  attributes: {
    name: { comparators: STRING_COMPARATORS },
    run_id: { comparators: [...STRING_COMPARATORS, 'IN'] },
    source_path: { comparators: STRING_COMPARATORS },
    version_number: { comparators: NUMERIC_COMPARATORS, numeric: true },
  },
};

type ValueToken = Extract<Token, { kind: 'string' | 'number' }>;

const invalid = (message: string) => new MlflowError('INVALID_PARAMETER_VALUE', message);

function unquote(key: string): string {
  const quoted = key.length >= 2 && ((key.startsWith('`') && key.endsWith('`')) || (key.startsWith('"') && key.endsWith('"')));
  return quoted ? key.slice(1, -1) : key;
}

function parseIdentifier(text: string, grammar: FilterGrammar): Pick<Clause, 'type' | 'key'> {
  const dot = text.indexOf('.');
  const entity = dot < 0 ? 'attribute' : text.slice(0, dot);
  const key = unquote(dot < 0 ? text : text.slice(dot + 1));
  if (!['attribute', 'tag', 'tags'].includes(entity)) {
    throw invalid(`Invalid entity type '${entity}'. Valid entity types are ('attribute', 'tag', 'tags')`);
  }
  if (entity !== 'attribute') return { type: 'tag', key };
  // Own keys only: "constructor" or "__proto__" would otherwise find Object.prototype's members.
  if (!Object.hasOwn(grammar.attributes, key)) {
    throw invalid(`Invalid attribute key '${key}' specified. Valid keys are '${Object.keys(grammar.attributes).join("', '")}'`);
  }
  return { type: 'attribute', key };
}

class Parser {
  private position = 0;

  constructor(
    private readonly filter: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token | undefined {
    return this.tokens[this.position++];
  }

  private fail(expected: string): never {
    throw invalid(`Invalid clause(s) in filter string '${this.filter}': expected ${expected}, found '${tokenText(this.peek())}'.`);
  }

  comparator(): Comparator {
    const token = this.next();
    if (token?.kind === 'operator') return token.value === '<>' ? '!=' : (token.value as Comparator);
    if (token?.kind === 'keyword' && (token.value === 'LIKE' || token.value === 'ILIKE' || token.value === 'IN')) return token.value;
    if (token?.kind === 'keyword' && token.value === 'NOT') throw invalid(`Invalid comparator 'NOT ${tokenText(this.peek())}' in filter string '${this.filter}'.`);
    this.position -= 1;
    return this.fail('a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN)');
  }

  value(): ValueToken | string[] {
    const token = this.peek();
    if (token?.kind === 'string' || token?.kind === 'number') {
      this.next();
      return token;
    }
    if (token?.kind !== 'punctuation' || token.value !== '(') return this.fail('a quoted value');
    this.next();
    const list: string[] = [];
    while (this.peek()?.kind === 'string') {
      list.push((this.next() as { value: string }).value);
      if (this.peek()?.kind === 'punctuation' && (this.peek() as { value: string }).value === ',') this.next();
    }
    if (this.next()?.kind !== 'punctuation') this.fail("')' closing the list");
    if (list.length === 0) throw invalid('While parsing a list in the query, expected a non-empty list of string values, but got empty list');
    return list;
  }

  clauses(grammar: FilterGrammar): Clause[] {
    const clauses: Clause[] = [];
    while (this.peek()) {
      if (clauses.length > 0) {
        const joiner = this.next();
        if (joiner?.kind !== 'keyword' || joiner.value !== 'AND') {
          throw invalid(`Invalid clause(s) in filter string: '${tokenText(joiner)}'. Only comparisons joined by AND are supported.`);
        }
      }
      const identifier = this.next();
      if (identifier?.kind !== 'identifier') {
        this.position -= 1;
        this.fail('an attribute or tags.<key>');
      }
      const target = parseIdentifier(identifier.text, grammar);
      const comparator = this.comparator();
      clauses.push(checkClause({ ...target, comparator }, this.value(), grammar));
    }
    return clauses;
  }
}

function checkClause(clause: Omit<Clause, 'value'>, raw: ValueToken | string[], grammar: FilterGrammar): Clause {
  if (clause.type === 'tag') {
    if (!(STRING_COMPARATORS as readonly string[]).includes(clause.comparator)) throw invalid(`Invalid comparator for tag: ${clause.comparator}`);
    if (Array.isArray(raw) || raw.kind !== 'string') throw invalid(`Expected a quoted string value for tag (e.g. 'my-value'). Got value ${Array.isArray(raw) ? `(${raw.join(', ')})` : tokenText(raw)}`);
    return { ...clause, value: raw.value };
  }
  const rule = grammar.attributes[clause.key]!;
  if (!rule.comparators.includes(clause.comparator)) {
    throw invalid(clause.comparator === 'IN' ? "Only the 'run_id' attribute supports comparison with a list of quoted string values." : `Invalid comparator for attribute ${clause.key}: ${clause.comparator}`);
  }
  if (Array.isArray(raw)) {
    if (clause.comparator !== 'IN') throw invalid("Only the 'run_id' attribute supports comparison with a list of quoted string values.");
    return { ...clause, value: raw };
  }
  if (clause.comparator === 'IN') throw invalid(`Expected a list of quoted string values for IN. Got value ${tokenText(raw)}`);
  if (rule.numeric) {
    const text = raw.kind === 'number' ? raw.text : raw.value;
    if (!/^-?\d+$/.test(text)) throw invalid(`Expected an integer value for ${clause.key}. Got value ${tokenText(raw)}`);
    return { ...clause, value: Number(text) };
  }
  if (raw.kind !== 'string') {
    throw invalid(`Expected a quoted string value or a list of quoted string values for attributes. Got value ${raw.text}`);
  }
  return { ...clause, value: raw.value };
}

/**
 * Longer filters are refused before they are read: the lexer is linear, but a 1 MB body of clauses took
 * 300 ms of the event loop to tokenize. Room for one MLflow 3 tag value (100,000 characters) and its clause.
 */
export const MAX_FILTER_LENGTH = 110_000;

/** Parses a filter string ("" or absent: no condition) against one grammar; errors are MLflow's INVALID_PARAMETER_VALUE. */
export function parseFilter(filter: string | undefined, grammar: FilterGrammar): Clause[] {
  if (!filter || filter.trim() === '') return [];
  if (filter.length > MAX_FILTER_LENGTH) throw invalid(`The filter is ${filter.length} characters long; at most ${MAX_FILTER_LENGTH} are accepted.`);
  return new Parser(filter, tokenize(filter)).clauses(grammar);
}
