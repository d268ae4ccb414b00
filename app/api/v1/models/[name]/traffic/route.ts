// GET /api/v1/models/:name/traffic – the live traffic split; PUT – set it ({ routes: [{ version, weight }] }, weights sum to 100)
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { currentSplit } from '@/lib/db/queries/traffic';
import { readJson, withUser } from '@/lib/http/handler';
import { setTrafficSplit } from '@/lib/services/set-traffic-split';

const ZSplitBody = z.object({
  routes: z.array(z.object({ version: z.number().int().positive(), weight: z.number() })).max(10),
});

export const GET = withUser<{ name: string }>(async ({ params }) => NextResponse.json(await currentSplit(params.name)), { permission: 'registry.read' });

export const PUT = withUser<{ name: string }>(
  async ({ req, params, user }) => {
    const { routes } = ZSplitBody.parse(await readJson(req));
    await setTrafficSplit(user, { model: params.name, routes: routes.map((r) => ({ number: r.version, weight: r.weight })) });
    return NextResponse.json(await currentSplit(params.name));
  },
  { permission: 'traffic.manage' },
);
