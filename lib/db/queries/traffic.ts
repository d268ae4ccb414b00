import 'server-only';
import { db } from '@/lib/db/prisma';
import { RegistryError } from '@/lib/registry';
import { routeKey, type TrafficRoute } from '@/lib/registry/traffic';

/**
 * The live split: stored routes whose versions are still in Production or Staging. A route whose version
 * has moved on (archived, rolled back) drops out and its share goes to the current Production version.
 */
export async function currentSplit(model: string): Promise<{ routes: TrafficRoute[]; production: number | null }> {
  const row = await db.registeredModel.findUnique({
    where: { name: model },
    select: { trafficSplit: { select: { routes: true } }, versions: { where: { stage: { in: ['production', 'staging'] } }, select: { id: true, number: true, stage: true } } },
  });
  if (!row) throw new RegistryError('NOT_FOUND', `No model named "${model}".`);
  const production = row.versions.find((v) => v.stage === 'production')?.number ?? null;
  const stored = (row.trafficSplit?.routes ?? []) as unknown as (TrafficRoute & { versionId: string })[];
  const live = stored.filter((r) => row.versions.some((v) => v.id === r.versionId && v.number === r.number));
  const lost = stored.filter((r) => !live.includes(r)).reduce((sum, r) => sum + r.weight, 0);
  if (production === null) return { routes: live, production };
  const routes = live.some((r) => r.number === production)
    ? live.map((r) => (r.number === production ? { number: r.number, weight: r.weight + lost } : { number: r.number, weight: r.weight }))
    : [{ number: production, weight: 100 - live.reduce((s, r) => s + r.weight, 0) }, ...live.map((r) => ({ number: r.number, weight: r.weight }))];
  return { routes: routes.filter((r) => r.weight > 0), production };
}

/** The version that serves `key`: deterministic for the same key and split. */
export async function routeFor(model: string, key: string) {
  const { routes, production } = await currentSplit(model);
  if (routes.length === 0) {
    if (production === null) throw new RegistryError('NOT_FOUND', `${model} has no version in Production.`);
    return { model, key, version: production, split: [{ number: production, weight: 100 }] };
  }
  return { model, key, version: routeKey(model, key, routes), split: routes };
}
