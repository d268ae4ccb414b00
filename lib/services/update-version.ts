import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findVersionOrThrow } from './internal/find-version';

export interface UpdateVersionInput {
  model: string;
  number: number;
  description: string;
}

/** Replaces a version's description, one of the few fields of a registered version that may change. */
export async function updateVersionDescription(actor: Actor, input: UpdateVersionInput) {
  assertAllowed(actor, 'version.edit', { model: input.model });
  if (input.description.length > 10_000) throw new RegistryError('INVALID_ARGUMENT', 'A version description is at most 10000 characters.');
  return inTransaction(async (tx) => {
    const version = await findVersionOrThrow(tx, input.model, input.number, { description: true });
    await tx.modelVersion.update({ where: { id: version.id }, data: { description: input.description } });
    await recordAudit(tx, actor, {
      action: 'version.updated',
      model: version.model,
      version,
      data: { field: 'description', before: version.description, after: input.description },
    });
    return { id: version.id, number: version.number };
  });
}
