import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/prisma';
import { RegistryError } from '@/lib/registry';

const VERSION_WITH_MODEL = { id: true, number: true, stage: true, model: { select: { id: true, name: true } } } as const satisfies Prisma.ModelVersionSelect;

/**
 * A version by model name and number, with its model, or NOT_FOUND naming both. `extra` adds columns a
 * service needs beyond the id, number, stage and model every caller reads.
 */
export async function findVersionOrThrow<S extends Prisma.ModelVersionSelect = Record<never, never>>(tx: Tx, model: string, number: number, extra?: S) {
  const version = await tx.modelVersion.findFirst({
    where: { model: { name: model }, number },
    select: { ...VERSION_WITH_MODEL, ...(extra as S) } as typeof VERSION_WITH_MODEL & S,
  });
  if (!version) throw new RegistryError('NOT_FOUND', `${model} has no version ${number}.`);
  return version;
}
