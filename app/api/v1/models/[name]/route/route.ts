// GET /api/v1/models/:name/route?key=<user id> – which version serves this key under the current split (deterministic)
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { routeFor } from '@/lib/db/queries/traffic';
import { withUser } from '@/lib/http/handler';

const ZQuery = z.object({ key: z.string().min(1, 'Give the routing key, e.g. ?key=<user id>.').max(500) });

export const GET = withUser<{ name: string }>(
  async ({ req, params }) => NextResponse.json(await routeFor(params.name, ZQuery.parse(Object.fromEntries(req.nextUrl.searchParams)).key), { headers: { 'Cache-Control': 'no-store' } }),
  { permission: 'version.resolve' },
);
