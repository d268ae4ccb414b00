// DELETE /api/admin/webhooks/:id – stop sending to a webhook (its delivery log is kept)
import { NextResponse } from 'next/server';
import { withUser } from '@/lib/http/handler';
import { deleteWebhook } from '@/lib/services/manage-webhooks';

export const DELETE = withUser<{ id: string }>(async ({ params, user }) => NextResponse.json(await deleteWebhook(user, { id: params.id })), { permission: 'webhooks.manage' });
