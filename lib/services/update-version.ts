import { assertAllowed, RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';

export interface UpdateVersionInput {
  model: string;
  number: number;
  description: string;
}

/** Replaces a version's description, one of the few fields of a registered version that may change. */
export async function updateVersionDescription(actor: Actor, input: UpdateVersionInput) {
  assertAllowed(actor, 'version.edit', { model: input.model });
  if (input.description.length > 10_000) throw new RegistryError('INVALID_ARGUMENT', 'A version description is at most 10000 characters.');
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const version = await tx.modelVersion.findFirst({
        where: { model: { name: input.model }, number: input.number },
        select: { id: true, number: true, description: true, model: { select: { id: true, name: true } } },
      });
      if (!version) throw new RegistryError('NOT_FOUND', `${input.model} has no version ${input.number}.`);
      await tx.modelVersion.update({ where: { id: version.id }, data: { description: input.description } });
      await recordAudit(tx, actor, {
        action: 'version.updated',
        model: version.model,
        version,
        data: { field: 'description', before: version.description, after: input.description },
      });
      return { id: version.id, number: version.number };
    }),
  );
}
