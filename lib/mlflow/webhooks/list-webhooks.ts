import 'server-only';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { assertCanManageWebhooks, WEBHOOK_SELECT } from './webhook-checks';

/** One page, newest first, by keyset on (created_at, id): stable while hooks are added or removed. */
export async function listMlflowWebhooks(actor: Actor, page: { maxResults: number; after?: { createdAt: Date; id: string } }) {
  assertCanManageWebhooks(actor);
  const after = page.after;
  const rows = await db.webhook.findMany({
    where: {
      format: 'mlflow',
      active: true,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.maxResults + 1,
    select: WEBHOOK_SELECT,
  });
  return { hooks: rows.slice(0, page.maxResults), more: rows.length > page.maxResults };
}
