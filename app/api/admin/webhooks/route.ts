// GET /api/admin/webhooks – webhooks with their latest delivery; POST – add one (the signing secret is returned once)
import { NextResponse } from 'next/server';
import { db } from '@/lib/db/prisma';
import { readJson, withUser } from '@/lib/http/handler';
import { createWebhook } from '@/lib/services/manage-webhooks';

export const GET = withUser(
  async () => {
    const hooks = await db.webhook.findMany({
      orderBy: { createdAt: 'desc' },
      select: { id: true, url: true, events: true, active: true, createdAt: true, model: { select: { name: true } }, deliveries: { orderBy: { id: 'desc' }, take: 1, select: { status: true, lastStatusCode: true, createdAt: true } } },
    });
    return NextResponse.json({ webhooks: hooks.map(({ deliveries, model, ...h }) => ({ ...h, model: model?.name ?? null, lastDelivery: deliveries[0] ?? null })) });
  },
  { permission: 'webhooks.manage' },
);

export const POST = withUser(
  async ({ req, user }) => NextResponse.json(await createWebhook(user, (await readJson(req)) as never), { status: 201, headers: { 'Cache-Control': 'no-store' } }),
  { permission: 'webhooks.manage' },
);
