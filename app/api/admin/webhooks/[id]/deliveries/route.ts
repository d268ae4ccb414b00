// GET /api/admin/webhooks/:id/deliveries – the delivery log: status code, attempts, last error, newest first
import { NextResponse } from 'next/server';
import { db } from '@/lib/db/prisma';
import { withUser } from '@/lib/http/handler';

export const GET = withUser<{ id: string }>(
  async ({ params }) => {
    const deliveries = await db.webhookDelivery.findMany({
      where: { webhookId: params.id },
      orderBy: { id: 'desc' },
      take: 100,
      select: { deliveryId: true, eventType: true, status: true, attempts: true, lastStatusCode: true, lastError: true, createdAt: true, deliveredAt: true, nextAttemptAt: true },
    });
    return NextResponse.json({ deliveries });
  },
  { permission: 'webhooks.manage' },
);
