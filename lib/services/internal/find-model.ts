import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/prisma';
import { RegistryError } from '@/lib/registry';

const MODEL_REF = { id: true, name: true } as const satisfies Prisma.RegisteredModelSelect;

/** A model by name (its id and name, plus `extra` columns), or NOT_FOUND naming it. */
export async function findModelOrThrow<S extends Prisma.RegisteredModelSelect = Record<never, never>>(tx: Tx, name: string, extra?: S) {
  const model = await tx.registeredModel.findUnique({ where: { name }, select: { ...MODEL_REF, ...(extra as S) } as typeof MODEL_REF & S });
  if (!model) throw new RegistryError('NOT_FOUND', `No model named "${name}".`);
  return model;
}
