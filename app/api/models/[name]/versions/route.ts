// GET /api/models/:name/versions?stage=&before=&limit= – one page of a board column, newest first
import { NextResponse } from 'next/server';
import { RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { getStagePage } from '@/lib/db/queries/board';
import { withUser } from '@/lib/http/handler';
import { ZVersionPageQuery } from '@/lib/validations/version';

export const GET = withUser<{ name: string }>(
  async ({ req, params }) => {
    const query = ZVersionPageQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
    const model = await db.registeredModel.findUnique({
      where: { name: params.name },
      select: { id: true, metricDefinitions: { where: { isPrimary: true }, select: { key: true } } },
    });
    if (!model) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    const page = await getStagePage(model.id, query.stage, model.metricDefinitions[0]?.key ?? null, query.before, query.limit);
    return NextResponse.json(page);
  },
  { permission: 'registry.read' },
);
