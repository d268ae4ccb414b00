import type { NextRequest } from 'next/server';
import { readBodyText } from '@/lib/http/body';
import { MlflowError } from './errors';
import type { MlflowTag } from './tags';

// Request messages as MLflow's server reads them (mlflow/server/handlers.py, _get_request_message):
// GET from the query string (repeated fields as repeated parameters), every other method from a JSON
// body. Messages match MLflow's ("Missing value for required parameter 'name'. See the API docs…").

type FieldType = 'string' | 'int' | 'bool' | 'strings' | 'tags' | 'json';
interface Field {
  type: FieldType;
  required?: boolean;
}
export type RequestSpec = Record<string, Field>;

type ValueOf<T extends FieldType> = T extends 'string' ? string : T extends 'int' ? number : T extends 'bool' ? boolean : T extends 'strings' ? string[] : T extends 'tags' ? MlflowTag[] : unknown;
export type RequestParams<S extends RequestSpec> = {
  [K in keyof S]: S[K]['required'] extends true ? ValueOf<S[K]['type']> : ValueOf<S[K]['type']> | undefined;
};

const SEE_DOCS = ' See the API docs for more information about request parameters.';

function invalidValue(name: string, value: unknown): MlflowError {
  return new MlflowError('INVALID_PARAMETER_VALUE', `Invalid value ${JSON.stringify(value)} for parameter '${name}' supplied.${SEE_DOCS}`);
}

/**
 * MLflow's server refuses a POST or PUT that is not `Content-Type: application/json`
 * (mlflow/server/validation.py, _validate_content_type), with these messages. Here that also closes the
 * cross-site form: a page on another site can POST text/plain, urlencoded or multipart bodies (or none)
 * without the browser asking us first, but never JSON. PATCH and DELETE cannot be sent cross-site
 * without that preflight; their bodies, when they have one, must be JSON too.
 */
export function assertJsonContentType(req: NextRequest): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const hasBody = Number(req.headers.get('content-length') ?? 0) > 0 || req.headers.has('transfer-encoding');
  if ((req.method === 'PATCH' || req.method === 'DELETE') && !hasBody) return;
  const type = req.headers.get('content-type');
  if (!type) throw new MlflowError('INVALID_PARAMETER_VALUE', 'Bad Request. Content-Type header is missing.');
  if (type.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    throw new MlflowError('INVALID_PARAMETER_VALUE', "Bad Request. Content-Type must be one of ['application/json'].");
  }
}

async function readBody(req: NextRequest): Promise<Record<string, unknown>> {
  // The REST API's bounded reader: a chunked body is cancelled at the limit, never buffered whole; its
  // PAYLOAD_TOO_LARGE is MLflow's INVALID_PARAMETER_VALUE (lib/mlflow/errors.ts).
  const text = await readBodyText(req);
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
    // Older clients post their JSON double-encoded as a string; MLflow decodes it a second time.
    if (typeof body === 'string') body = JSON.parse(body);
  } catch {
    throw new MlflowError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
  if (body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new MlflowError('BAD_REQUEST', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

function fromQuery(req: NextRequest, spec: RequestSpec): Record<string, unknown> {
  const query = req.nextUrl.searchParams;
  const raw: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec)) {
    if (!query.has(name)) continue;
    raw[name] = field.type === 'strings' || field.type === 'tags' ? query.getAll(name) : field.type === 'json' ? undefined : query.get(name);
  }
  return raw;
}

function coerce(name: string, field: Field, value: unknown): unknown {
  switch (field.type) {
    case 'json':
      // A nested message (webhook events), checked by the endpoint that takes it.
      return value;
    case 'string':
      // Versions are strings in MLflow's messages; a bare integer is accepted as well.
      if (typeof value === 'number' && Number.isInteger(value)) return String(value);
      if (typeof value !== 'string') throw invalidValue(name, value);
      return value;
    case 'int': {
      const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isSafeInteger(number)) throw invalidValue(name, value);
      return number;
    }
    case 'bool':
      if (value === 'true' || value === 'false') return value === 'true';
      if (typeof value !== 'boolean') throw invalidValue(name, value);
      return value;
    case 'strings':
      if (typeof value === 'string') return [value];
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw invalidValue(name, value);
      return value;
    case 'tags':
      if (!Array.isArray(value)) throw invalidValue(name, value);
      return value.map((tag, i) => {
        const { key, value: tagValue } = (tag ?? {}) as { key?: unknown; value?: unknown };
        if (typeof key !== 'string' || key === '') throw new MlflowError('INVALID_PARAMETER_VALUE', `Missing value for required parameter '${name}[${i}].key'.${SEE_DOCS}`);
        if (tagValue !== undefined && tagValue !== null && typeof tagValue !== 'string') throw invalidValue(`${name}[${i}].value`, tagValue);
        return { key, value: (tagValue as string | null | undefined) ?? '' };
      });
  }
}

/** Reads and checks the request message; absent optional fields are undefined. */
export async function readParams<const S extends RequestSpec>(req: NextRequest, spec: S): Promise<RequestParams<S>> {
  const raw = req.method === 'GET' ? fromQuery(req, spec) : await readBody(req);
  const params: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec)) {
    const value = raw[name];
    if (value === undefined || value === null || (field.required && value === '')) {
      if (field.required) throw new MlflowError('INVALID_PARAMETER_VALUE', `Missing value for required parameter '${name}'.${SEE_DOCS}`);
      continue;
    }
    params[name] = coerce(name, field, value);
  }
  return params as RequestParams<S>;
}

/** A version number from its string form ("3"), as MLflow's _validate_model_version checks it. */
export function parseVersion(version: string): number {
  const trimmed = version.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > 2_147_483_647) {
    throw new MlflowError('INVALID_PARAMETER_VALUE', `Parameter 'version' must be an integer, got '${version}'.`);
  }
  return Number(trimmed);
}

/** max_results with a server's default and ceiling (MLflow: 100 and 1000 for models). */
export function maxResults(value: number | undefined, limits: { default: number; max: number }): number {
  if (value === undefined) return limits.default;
  if (value < 1 || value > limits.max) {
    throw new MlflowError('INVALID_PARAMETER_VALUE', `Invalid value for request parameter max_results. It must be at most ${limits.max}, but got value ${value}`);
  }
  return value;
}
