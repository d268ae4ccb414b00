import { assertAllowed, RegistryError, versionEdits, type FieldChange, type VersionEditInput } from '@/lib/registry';
import { cardOutline } from '@/lib/registry/model-card';
import { inTransaction } from '@/lib/db/transaction';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findVersionOrThrow } from './internal/find-version';
import { lockModel } from './internal/production';

export interface UpdateVersionInput extends VersionEditInput {
  model: string;
  number: number;
  /**
   * The card revision the editor started from: when someone else saved a card since, the edit is refused
   * (CONFLICT) instead of silently overwriting theirs. Optional for API callers that replace the card outright.
   */
  baseCardRevision?: number;
}

export interface UpdateVersionResult {
  number: number;
  changed: FieldChange['field'][];
  cardRevision: number;
}

/**
 * Edits a version's documentation — description, model card, changelog, migration notes — the parts of a
 * registered version that may change (the database refuses the rest). A Production version may be edited
 * too: the record of what is served stays, and the edit is audited like any other. In one transaction, under
 * the model's row lock: the change, the card's next revision with its recomputed outline (so gates read
 * the new card), and one audit event with each changed field's before and after.
 */
export async function updateVersion(actor: Actor, input: UpdateVersionInput): Promise<UpdateVersionResult> {
  assertAllowed(actor, 'version.edit', { model: input.model });
  const nextOutline = input.modelCard === undefined ? null : cardOutline(input.modelCard);
  return inTransaction(async (tx) => {
    const found = await findVersionOrThrow(tx, input.model, input.number);
    // Under the model's row lock, taken first as on every governed path (recordAudit and stage moves take it
    // before any version row), edits queue: card revisions are numbered without races. Read again under it.
    await lockModel(tx, found.model.id);
    const version = await tx.modelVersion.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, number: true, stage: true, description: true, modelCard: true, changelog: true, migrationNotes: true, model: { select: { id: true, name: true } } },
    });
    const latest = await tx.modelCardRevision.findFirst({ where: { versionId: version.id }, orderBy: { revision: 'desc' }, select: { revision: true } });
    const currentRevision = latest?.revision ?? 1;
    const changes = versionEdits(version, input);
    const cardChange = changes.find((c) => c.field === 'modelCard');
    if (cardChange && input.baseCardRevision !== undefined && input.baseCardRevision !== currentRevision) {
      throw new RegistryError('CONFLICT', `The model card changed since you opened it (revision ${input.baseCardRevision}, now ${currentRevision}). Reload it and apply your edit again.`, {
        baseCardRevision: input.baseCardRevision,
        currentRevision,
      });
    }
    if (changes.length === 0) return { number: version.number, changed: [], cardRevision: currentRevision };

    const data: Prisma.ModelVersionUpdateInput = Object.fromEntries(changes.map((c) => [c.field, c.after]));
    if (cardChange && nextOutline) data.cardOutline = nextOutline as unknown as Prisma.InputJsonArray;
    await tx.modelVersion.update({ where: { id: version.id }, data });
    let cardRevision = currentRevision;
    if (cardChange) {
      // Versions registered before card revisions existed got revision 1 from the migration; a missing one is made here.
      if (!latest) await tx.modelCardRevision.create({ data: { versionId: version.id, revision: 1, modelCard: cardChange.before, actorId: null, actorLabel: 'registration' } });
      cardRevision = currentRevision + 1;
      await tx.modelCardRevision.create({ data: { versionId: version.id, revision: cardRevision, modelCard: cardChange.after, actorId: actor.id, actorLabel: actor.label } });
    }
    await recordAudit(tx, actor, {
      action: 'version.updated',
      model: version.model,
      version,
      data: {
        fields: changes.map((c) => c.field),
        changes: changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
        stage: version.stage,
        ...(cardChange ? { cardRevision: { from: currentRevision, to: cardRevision } } : {}),
      },
    });
    return { number: version.number, changed: changes.map((c) => c.field), cardRevision };
  });
}
