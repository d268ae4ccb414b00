import 'server-only';
import { db } from '@/lib/db/prisma';

/** Every revision of a version's model card, oldest first; null when the version does not exist. */
export async function listCardRevisions(modelName: string, number: number) {
  const version = await db.modelVersion.findFirst({
    where: { model: { name: modelName }, number },
    select: {
      modelCard: true,
      createdAt: true,
      cardRevisions: { orderBy: { revision: 'asc' }, select: { revision: true, modelCard: true, actorLabel: true, createdAt: true } },
    },
  });
  if (!version) return null;
  const revisions = version.cardRevisions.map((r) => ({ revision: r.revision, modelCard: r.modelCard, actor: r.actorLabel, createdAt: r.createdAt.toISOString() }));
  // A version the card-revision migration found has its card as revision 1; this covers one it could not see.
  return revisions.length > 0 ? revisions : [{ revision: 1, modelCard: version.modelCard, actor: 'registration', createdAt: version.createdAt.toISOString() }];
}

export type CardRevision = NonNullable<Awaited<ReturnType<typeof listCardRevisions>>>[number];
