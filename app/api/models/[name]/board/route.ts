// GET /api/models/:name/board – the board's first page per column, counts and Production (refetched after actions)
import { NextResponse } from 'next/server';
import { RegistryError } from '@/lib/registry';
import { getBoard } from '@/lib/db/queries/board';
import { withUser } from '@/lib/http/handler';

export const GET = withUser<{ name: string }>(
  async ({ params }) => {
    const board = await getBoard(params.name);
    if (!board) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    return NextResponse.json(board);
  },
  { permission: 'registry.read' },
);
