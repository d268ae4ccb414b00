import 'server-only';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { loadResolved } from '@/lib/api-v1/resolve';
import { ZResolved, ZRouted } from '@/lib/api-v1/schemas/serving';
import { answerRoute, loadRouting, type Routing } from '@/lib/db/queries/traffic';
import { PreparedJson } from '@/lib/http/contract';
import type { ZResolveQuery } from '@/lib/validations/api-v1';
import { RegistryError } from '@/lib/registry';
import { servingCache } from './caches';

// What serving systems poll, answered from memory while nothing changed (see ./change-feed.ts for why
// that is safe across instances). Authorization is not cached here: the route checks the caller first.

export type ResolveAnswer = { ok: true; text: string; etag: string; model: string } | { ok: false; error: RegistryError };

const resolveCache = servingCache<ResolveAnswer>('resolve', { cares: 'models', maxEntries: 10_000 });
const routingCache = servingCache<Routing | RegistryError>('route', { cares: 'models', maxEntries: 10_000 });

export function etagOf(text: string): string {
  return `"${createHash('sha1').update(text).digest('base64url')}"`;
}

export function resolveKey(name: string, query: z.infer<typeof ZResolveQuery>): string {
  return `${name}\u0000${query.alias !== undefined ? `alias:${query.alias}` : `stage:${query.stage}`}`;
}

/** The resolve answer for `name`, serialised, with its ETag; or the NOT_FOUND a model with nothing to serve answers. */
export function cachedResolve(name: string, query: z.infer<typeof ZResolveQuery>): Promise<ResolveAnswer> {
  return resolveCache.through(resolveKey(name, query), async () => {
    const loaded = await loadResolved(name, query); // No such model throws: not kept, it may be created any moment.
    if ('error' in loaded) return { value: { ok: false, error: loaded.error }, modelId: loaded.modelId, modelName: loaded.modelName };
    const text = JSON.stringify(ZResolved.parse(loaded.answer));
    return { value: { ok: true, text, etag: etagOf(text), model: loaded.modelName }, modelId: loaded.modelId, modelName: loaded.modelName };
  });
}

/** The live split of `name` with the artifacts in it, from memory while nothing changed. */
export async function cachedRouting(name: string): Promise<Routing> {
  const routing = await routingCache.through(`${name}\u0000routing`, async () => {
    const loaded = await loadRouting(name);
    return { value: loaded, modelId: loaded.modelId, modelName: loaded.model };
  });
  if (routing instanceof RegistryError) throw routing;
  return routing;
}

export async function cachedRoute(name: string, key: string): Promise<{ text: string; etag: string }> {
  const text = JSON.stringify(ZRouted.parse(answerRoute(await cachedRouting(name), name, key)));
  return { text, etag: etagOf(text) };
}

/** Headers of a conditional serving answer: revalidate every time (no-cache), never shared (it is per caller). */
export const SERVING_HEADERS = { 'Cache-Control': 'private, no-cache' };

export function prepared(answer: { text: string; etag: string }): PreparedJson {
  return new PreparedJson(answer.text, answer.etag, SERVING_HEADERS);
}
