import { db } from '@/lib/db/prisma';
import { modelFilterWhere } from '@/lib/db/queries/models';
import { MAX_PORTFOLIO_ITEMS, portfolioItemKey, RegistryError, type PortfolioActionType } from '@/lib/registry';
import type { PortfolioSelection } from '@/lib/validations/portfolio';

/** One item of a bulk action: a model, or one of its versions (archive; tags on selected versions). */
export interface PortfolioTarget {
  key: string;
  model: string;
  version: number | null;
}

const target = (model: string, version: number | null): PortfolioTarget => ({ key: portfolioItemKey(model, version), model, version });

/**
 * The items a selection means for an action, in a stable order. A filter only ever sees the models the
 * caller may see (a token restricted to one model matches at most that one). Beyond MAX_PORTFOLIO_ITEMS
 * the request is refused as a whole, before anything is read or written.
 */
export async function resolvePortfolioTargets(
  selection: PortfolioSelection,
  type: PortfolioActionType,
  scope: { visible: readonly string[] | null; reachable: (model: string) => boolean },
): Promise<PortfolioTarget[]> {
  if (selection.versions) {
    if (type === 'apply-policy' || type === 'change-owner') {
      throw new RegistryError('INVALID_ARGUMENT', `${type === 'apply-policy' ? 'A policy' : 'An owner'} belongs to a model: select models, not versions.`, { code: 'SELECTION_KIND' });
    }
    const seen = new Map(selection.versions.map((v) => [portfolioItemKey(v.model, v.number), target(v.model, v.number)]));
    return [...seen.values()];
  }
  const models = selection.models ? [...new Set(selection.models)] : await filteredModels(selection.filter!, scope.visible);
  if (type !== 'archive') return models.map((m) => target(m, null));
  // Archiving a model means archiving its Testing and Staging versions; a model with none stays one item
  // (it is reported as having nothing to archive, or as unknown, or as out of reach). Only the models the
  // caller may archive on are looked into, so a refusal never tells what another model holds.
  const versions = await db.modelVersion.findMany({
    where: { model: { name: { in: models.filter(scope.reachable) } }, stage: { in: ['testing', 'staging'] } },
    select: { number: true, model: { select: { name: true } } },
    orderBy: [{ number: 'asc' }],
  });
  const byModel = new Map<string, number[]>();
  for (const v of versions) byModel.set(v.model.name, [...(byModel.get(v.model.name) ?? []), v.number]);
  const targets = models.flatMap((m) => (byModel.get(m)?.length ? byModel.get(m)!.map((n) => target(m, n)) : [target(m, null)]));
  assertWithinLimit(targets.length, `The selected models have ${targets.length} versions in Testing or Staging`);
  return targets;
}

async function filteredModels(filter: { q?: string; tag?: string }, visible: readonly string[] | null): Promise<string[]> {
  const where = modelFilterWhere(filter, visible);
  const matched = await db.registeredModel.count({ where });
  assertWithinLimit(matched, `The filter matches ${matched} models`);
  return (await db.registeredModel.findMany({ where, select: { name: true }, orderBy: { name: 'asc' } })).map((m) => m.name);
}

function assertWithinLimit(count: number, what: string): void {
  if (count > MAX_PORTFOLIO_ITEMS) {
    throw new RegistryError('INVALID_ARGUMENT', `${what}; one bulk action touches at most ${MAX_PORTFOLIO_ITEMS}. Narrow the selection.`, {
      code: 'SELECTION_TOO_LARGE',
      limit: MAX_PORTFOLIO_ITEMS,
      selected: count,
    });
  }
}
