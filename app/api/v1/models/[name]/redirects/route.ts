// GET /api/v1/models/:name/redirects – former names that still resolve to this model after a rename
import { NextResponse } from 'next/server';
import { RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { listRedirects } from '@/lib/db/queries/model-names';
import { withUser } from '@/lib/http/handler';

export const GET = withUser<{ name: string }>(
  async ({ params }) => {
    const model = await db.registeredModel.findUnique({ where: { name: params.name }, select: { id: true } });
    if (!model) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    return NextResponse.json({ redirects: await listRedirects(model.id) });
  },
  { permission: 'registry.read' },
);
