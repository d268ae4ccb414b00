import type { Tx } from '@/lib/db/prisma';
import { RegistryError } from '@/lib/registry';

/** A version by model name and number, with its model, or NOT_FOUND naming both. */
export async function findVersionOrThrow(tx: Tx, model: string, number: number) {
  const version = await tx.modelVersion.findFirst({
    where: { model: { name: model }, number },
    select: { id: true, number: true, stage: true, model: { select: { id: true, name: true } } },
  });
  if (!version) throw new RegistryError('NOT_FOUND', `${model} has no version ${number}.`);
  return version;
}
