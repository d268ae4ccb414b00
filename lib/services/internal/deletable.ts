import { ACTIVE_STAGES, RegistryError, STAGE_LABELS, type Stage } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';

interface Candidate {
  id: string;
  number: number;
  stage: Stage;
}

/**
 * Refuses to delete versions that are part of the governed record. Nothing in Staging or Production is
 * deleted, nor a version that ever held Production (the Production history answers "what served at
 * time T"), nor one with recorded approval decisions (append-only), nor a parent of a version outside
 * the set (lineage belongs to the child's immutable record). Everything else may go; audit events have
 * no foreign keys and stay.
 */
export async function assertDeletable(tx: Tx, modelName: string, versions: readonly Candidate[]): Promise<void> {
  const active = versions.find((v) => ACTIVE_STAGES.includes(v.stage));
  if (active) {
    throw new RegistryError(
      'CONFLICT',
      `${modelName} v${active.number} is in ${STAGE_LABELS[active.stage]}; versions in Staging or Production are never deleted. ${active.stage === 'production' ? 'Replace it or roll back first' : 'Archive it first'}, then delete.`,
      { version: active.number, stage: active.stage },
    );
  }
  const ids = versions.map((v) => v.id);
  const numberOf = (id: string) => versions.find((v) => v.id === id)?.number ?? '?';

  const served = await tx.productionPeriod.findFirst({ where: { versionId: { in: ids } }, select: { versionId: true, startedAt: true } });
  if (served) {
    throw new RegistryError('CONFLICT', `${modelName} v${numberOf(served.versionId)} was in Production (from ${served.startedAt.toISOString()}); Production history is kept, so it cannot be deleted. It stays archived.`);
  }
  const decided = await tx.approval.findFirst({ where: { request: { versionId: { in: ids } } }, select: { requestId: true, request: { select: { versionId: true } } } });
  if (decided) {
    throw new RegistryError('CONFLICT', `${modelName} v${numberOf(decided.request.versionId)} has recorded approval decisions (promotion request ${decided.requestId}); decisions are append-only, so it cannot be deleted. Archive it instead.`);
  }
  const child = await tx.versionLineage.findFirst({
    where: { parentId: { in: ids }, childId: { notIn: ids } },
    select: { parentId: true, child: { select: { number: true, model: { select: { name: true } } } } },
  });
  if (child) {
    throw new RegistryError('CONFLICT', `${modelName} v${numberOf(child.parentId)} is a parent of ${child.child.model.name} v${child.child.number}; lineage is part of that version's record, so it cannot be deleted.`);
  }
}

/** Deletes the versions newest first, so a parent inside the set goes after its children. */
export async function deleteVersionRows(tx: Tx, versions: readonly Candidate[]): Promise<void> {
  for (const version of [...versions].sort((a, b) => b.number - a.number)) {
    const removed = await tx.modelVersion.deleteMany({ where: { id: version.id, stage: version.stage } });
    if (removed.count !== 1) throw new RegistryError('CONFLICT', `v${version.number} moved while it was being deleted. Try again.`);
  }
}
