import 'server-only';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { assertCanManageWebhooks, webhookNotFound, WEBHOOK_SELECT } from './webhook-checks';

export async function getMlflowWebhook(actor: Actor, id: string) {
  assertCanManageWebhooks(actor);
  const hook = await db.webhook.findFirst({ where: { id, format: 'mlflow', active: true }, select: { ...WEBHOOK_SELECT, secret: true } });
  if (!hook) throw webhookNotFound(id);
  return hook;
}
