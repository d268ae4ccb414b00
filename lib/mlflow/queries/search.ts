import 'server-only';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/services/actor';
import { MODEL_VERSION_FILTER, parseFilter, REGISTERED_MODEL_FILTER } from '../filter';
import { parseOrderBy, type SortKey, type SortTerm } from '../order-by';
import { decodePageToken, encodePageToken, type CursorValue } from '../page-token';
import { loadModels, loadVersions } from './records';
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

/** One page of keys: a row more than asked for tells whether another page follows. */
function page(rows: KeyRow[], request: SearchRequest, terms: readonly SortTerm[]) {
  const shown = rows.slice(0, request.maxResults);
  const last = shown[shown.length - 1];
  const nextPageToken = rows.length > request.maxResults && last ? encodePageToken(terms, cursorOf(last, terms)) : undefined;
  return { ids: shown.map((r) => r.id), nextPageToken };
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
  const { ids, nextPageToken } = page(rows, request, terms);
  return { models: await loadModels(ids), nextPageToken };
}

export async function searchModelVersions(actor: Actor, request: SearchRequest) {
  const clauses = parseFilter(request.filter, MODEL_VERSION_FILTER);
  const terms = parseOrderBy(request.orderBy, 'model_version');
  const cursor = request.pageToken ? [afterCursor(terms, VERSION_SORT_SQL, decodePageToken(request.pageToken, terms))] : [];
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT v."id", m."name", v."number", ${VERSION_SORT_SQL.creation_timestamp} AS "created_ms", ${VERSION_SORT_SQL.last_updated_timestamp} AS "updated_ms"
    FROM "model_version" v JOIN "registered_model" m ON m."id" = v."model_id"
    ${where([...versionConditions(clauses), ...scope(actor), ...cursor])}
    ORDER BY ${orderBy(terms, VERSION_SORT_SQL)}
    LIMIT ${request.maxResults + 1}`;
  const { ids, nextPageToken } = page(rows, request, terms);
  return { versions: await loadVersions(ids), nextPageToken };
}
