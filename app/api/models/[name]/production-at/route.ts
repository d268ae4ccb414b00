// GET /api/models/:name/production-at?t=<ISO time> – which version was in Production then, who put it there, what replaced it
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { RegistryError } from '@/lib/registry';
import { productionAt } from '@/lib/db/queries/production-history';
import { withUser } from '@/lib/http/handler';

const ZQuery = z.object({ t: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'Give t as an ISO date-time.').transform((v) => new Date(v)) });

export const GET = withUser<{ name: string }>(
  async ({ req, params }) => {
    const { t } = ZQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
    const answer = await productionAt(params.name, t);
    if (!answer) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    return NextResponse.json(answer);
  },
  { permission: 'registry.read' },
);
