// GET /api/v1/models/:name – the model with its counts per stage and its Production version
import { NextResponse } from 'next/server';
import { RegistryError } from '@/lib/registry';
import { getBoard } from '@/lib/db/queries/board';
import { withUser } from '@/lib/http/handler';

export const GET = withUser<{ name: string }>(
  async ({ params }) => {
    const board = await getBoard(params.name);
    if (!board) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    const { model, primaryMetric, counts, production } = board;
    return NextResponse.json({
      name: model.name,
      description: model.description,
      tags: model.tags,
      owner: model.owner,
      primaryMetric,
      counts,
      production: production ? { number: production.number, semver: production.semver, since: production.stageChangedAt } : null,
      lastStable: model.lastStable,
    });
  },
  { permission: 'registry.read' },
);
