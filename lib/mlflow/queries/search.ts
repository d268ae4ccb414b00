import 'server-only';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/services/actor';
import { MODEL_VERSION_FILTER, parseFilter, REGISTERED_MODEL_FILTER } from '../filter';
import { parseOrderBy, type SortKey, type SortTerm } from '../order-by';
import { decodePageToken, encodePageToken, type CursorValue } from '../page-token';
import { modelVersionJson, registeredModelJson, type ModelVersionJson } from '../serialize';
import { loadModels } from './model-records';
import { loadVersions } from './records';
import { afterCursor, MODEL_SORT_SQL, modelConditions, orderBy, VERSION_SORT_SQL, versionConditions, where } from './sql';

export interface SearchRequest {
  filter?: string;
  maxResults: number;
  orderBy?: string[];
  pageToken?: string;
}

interface KeyRow {
  id: string;
  name: string;
  number: number | null;
  created_ms: bigint;
  updated_ms: bigint;
}

function cursorOf(row: KeyRow, terms: readonly SortTerm[]): CursorValue[] {
  const value: Record<SortKey, CursorValue> = {
    name: row.name,
    version_number: row.number ?? 0,
    creation_timestamp: Number(row.created_ms),
    last_updated_timestamp: Number(row.updated_ms),
  };
  return terms.map((t) => value[t.key]);
}

/**
 * Every answer is bounded, whatever max_results says (MLflow lets model-versions/search ask for 200,000):
 * at most this many versions, MLflow's own client default page, so a client that never follows
 * next_page_token still sees what it would see from MLflow…
 */
export const MAX_VERSIONS_PER_RESPONSE = 10_000;
/** …and at most about this many bytes of JSON (a version's tags may hold 100 KB each); the token continues. */
export const MAX_RESPONSE_BYTES = 8_000_000;
/** Full records are read this many at a time: one IN list per query, far below Postgres's 65,535 parameters. */
const LOAD_CHUNK = 1_000;

/**
 * Reads the records behind `rows` chunk by chunk, serialises them, and stops once the byte budget is
 * spent (always after at least one). The token continues after the last row sent, so a page cut short
 * by the budget loses nothing; a row more than asked for tells whether another page follows anyway.
 */
async function boundedPage<R, J>(rows: KeyRow[], limit: number, terms: readonly SortTerm[], load: (ids: string[]) => Promise<R[]>, serialize: (record: R) => J) {
  const wanted = rows.slice(0, limit);
  const items: J[] = [];
  let bytes = 0;
  let cut = false;
  for (let from = 0; from < wanted.length && !cut; from += LOAD_CHUNK) {
    for (const record of await load(wanted.slice(from, from + LOAD_CHUNK).map((r) => r.id))) {
      const json = serialize(record);
      bytes += JSON.stringify(json).length;
      if (items.length > 0 && bytes > MAX_RESPONSE_BYTES) {
        cut = true;
        break;
      }
      items.push(json);
    }
  }
  const last = wanted[items.length - 1];
  const more = cut || rows.length > limit;
  return { items, nextPageToken: more && last ? encodePageToken(terms, cursorOf(last, terms)) : undefined };
}

/** A token restricted to one model searches that model only. */
const scope = (actor: Actor) => (actor.modelScope ? [Prisma.sql`m."name" = ${actor.modelScope}`] : []);

export async function searchRegisteredModels(actor: Actor, request: SearchRequest) {
  const clauses = parseFilter(request.filter, REGISTERED_MODEL_FILTER);
  const terms = parseOrderBy(request.orderBy, 'registered_model');
  const cursor = request.pageToken ? [afterCursor(terms, MODEL_SORT_SQL, decodePageToken(request.pageToken, terms))] : [];
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT m."id", m."name", NULL::int AS "number", ${MODEL_SORT_SQL.creation_timestamp} AS "created_ms", ${MODEL_SORT_SQL.last_updated_timestamp} AS "updated_ms"
    FROM "registered_model" m
    ${where([...modelConditions(clauses), ...scope(actor), ...cursor])}
    ORDER BY ${orderBy(terms, MODEL_SORT_SQL)}
    LIMIT ${request.maxResults + 1}`;
  const { items, nextPageToken } = await boundedPage(rows, request.maxResults, terms, loadModels, registeredModelJson);
  return { models: items, nextPageToken };
}

export async function searchModelVersions(actor: Actor, request: SearchRequest): Promise<{ versions: ModelVersionJson[]; nextPageToken?: string }> {
  const limit = Math.min(request.maxResults, MAX_VERSIONS_PER_RESPONSE);
  const clauses = parseFilter(request.filter, MODEL_VERSION_FILTER);
  const terms = parseOrderBy(request.orderBy, 'model_version');
  const cursor = request.pageToken ? [afterCursor(terms, VERSION_SORT_SQL, decodePageToken(request.pageToken, terms))] : [];
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT v."id", m."name", v."number", ${VERSION_SORT_SQL.creation_timestamp} AS "created_ms", ${VERSION_SORT_SQL.last_updated_timestamp} AS "updated_ms"
    FROM "model_version" v JOIN "registered_model" m ON m."id" = v."model_id"
    ${where([...versionConditions(clauses), ...scope(actor), ...cursor])}
    ORDER BY ${orderBy(terms, VERSION_SORT_SQL)}
    LIMIT ${limit + 1}`;
  const { items, nextPageToken } = await boundedPage(rows, limit, terms, loadVersions, modelVersionJson);
  return { versions: items, nextPageToken };
}
