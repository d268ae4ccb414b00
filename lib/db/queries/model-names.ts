import 'server-only';
import { db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Where a serving system's lookup by name finds its model: the model of that name, or the one a redirect
 * from a former name points at (kept after a rename until someone removes it). For Prisma `where`s.
 */
export function byNameOrFormerName(name: string): Prisma.RegisteredModelWhereInput {
  return { OR: [{ name }, { formerNames: { some: { oldName: name } } }] };
}

/** The current name a former name redirects to, or null when no redirect holds it. */
export async function redirectTarget(oldName: string): Promise<string | null> {
  const row = await db.modelNameRedirect.findUnique({ where: { oldName }, select: { model: { select: { name: true } } } });
  return row?.model.name ?? null;
}

/** `name` if a model has it, else the model a redirect from it points at, else `name` unchanged. */
export async function currentModelName(name: string): Promise<string> {
  const row = await db.registeredModel.findFirst({ where: byNameOrFormerName(name), select: { name: true } });
  return row?.name ?? name;
}

/** A model's former names that still resolve to it, newest first. */
export async function listRedirects(modelId: string) {
  const rows = await db.modelNameRedirect.findMany({
    where: { modelId },
    orderBy: { createdAt: 'desc' },
    select: { oldName: true, createdAt: true, createdById: true },
  });
  return rows.map((r) => ({ oldName: r.oldName, createdAt: r.createdAt.toISOString() }));
}
