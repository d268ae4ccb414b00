// GET /api/v1/models?q=&page=&pageSize= – list models; POST /api/v1/models – register a model
import { NextResponse } from 'next/server';
import { listModels } from '@/lib/db/queries/models';
import { readJson, withUser } from '@/lib/http/handler';
import { createModel } from '@/lib/services/create-model';
import { ZCreateModelInput, ZListModelsQuery } from '@/lib/validations/model';

export const GET = withUser(
  async ({ req }) => NextResponse.json(await listModels(ZListModelsQuery.parse(Object.fromEntries(req.nextUrl.searchParams)))),
  { permission: 'registry.read' },
);

export const POST = withUser(
  async ({ req, user }) => {
    const model = await createModel(user, ZCreateModelInput.parse(await readJson(req)));
    return NextResponse.json({ name: model.name, description: model.description, tags: model.tags, createdAt: model.createdAt }, { status: 201 });
  },
  { permission: 'model.create' },
);
