import 'server-only';
import { db } from '@/lib/db/prisma';

/**
 * A page of a version's model card revisions, newest first, before revision `before` (exclusive) if given;
 * null when the version does not exist.
 */
export async function listCardRevisions(modelName: string, number: number, page: { limit: number; before?: number } = { limit: 100 }) {
  const version = await db.modelVersion.findFirst({
    where: { model: { name: modelName }, number },
    select: {
      modelCard: true,
      createdAt: true,
      cardRevisions: {
        where: page.before ? { revision: { lt: page.before } } : {},
        orderBy: { revision: 'desc' },
        take: page.limit + 1,
        select: { revision: true, modelCard: true, actorLabel: true, createdAt: true },
      },
    },
  });
  if (!version) return null;
  const rows = version.cardRevisions.slice(0, page.limit);
  const revisions = rows.map((r) => ({ revision: r.revision, modelCard: r.modelCard, actor: r.actorLabel, createdAt: r.createdAt.toISOString() }));
  const nextCursor = version.cardRevisions.length > page.limit ? rows.at(-1)!.revision : null;
  // A version the card-revision migration found has its card as revision 1; this covers one it could not see.
  if (revisions.length === 0 && !page.before) return { revisions: [{ revision: 1, modelCard: version.modelCard, actor: 'registration', createdAt: version.createdAt.toISOString() }], nextCursor: null };
  return { revisions, nextCursor };
}
