import 'server-only';
import { db } from '@/lib/db/prisma';

export interface ProductionPeriodView {
  version: { number: number; semver: string; failed: boolean };
  startedAt: string;
  endedAt: string | null;
  startedBy: string;
  endedReason: string | null;
}

/** Which version held Production over which interval, oldest first (the timeline strip on the history page). */
export async function listProductionPeriods(model: string): Promise<ProductionPeriodView[]> {
  const periods = await db.productionPeriod.findMany({
    where: { model: { name: model } },
    orderBy: { startedAt: 'asc' },
    take: 500,
    include: { version: { select: { number: true, semver: true, tags: { where: { key: 'failed' }, select: { key: true } } } } },
  });
  return periods.map((p) => ({
    version: { number: p.version.number, semver: p.version.semver, failed: p.version.tags.length > 0 },
    startedAt: p.startedAt.toISOString(),
    endedAt: p.endedAt?.toISOString() ?? null,
    startedBy: p.startedBy,
    endedReason: p.endedReason,
  }));
}

export interface ProductionAt {
  at: string;
  period: ProductionPeriodView | null;
  /** What replaced it, when it no longer holds Production. */
  next: ProductionPeriodView | null;
}

/** The answer to "which version was in Production at time T, who put it there, and what replaced it". */
export async function productionAt(model: string, at: Date): Promise<ProductionAt | null> {
  const exists = await db.registeredModel.findUnique({ where: { name: model }, select: { id: true } });
  if (!exists) return null;
  const periods = await listProductionPeriods(model);
  const t = at.getTime();
  const index = periods.findIndex((p) => Date.parse(p.startedAt) <= t && (p.endedAt === null || t < Date.parse(p.endedAt)));
  return { at: at.toISOString(), period: index >= 0 ? periods[index]! : null, next: index >= 0 ? (periods[index + 1] ?? null) : null };
}
