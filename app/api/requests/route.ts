// GET /api/requests[?model=] – pending promotion requests with live gate results (the approvals inbox)
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { listPendingRequests } from '@/lib/db/queries/requests';
import { withUser } from '@/lib/http/handler';

const ZQuery = z.object({ model: z.string().max(128).optional() });

export const GET = withUser(
  async ({ req }) => {
    const { model } = ZQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
    return NextResponse.json({ requests: await listPendingRequests({ modelName: model }) });
  },
  { permission: 'registry.read' },
);
