// GET /api/models/:name/board – the board's first page per column, counts and Production (refetched after actions)
import { RegistryError } from '@/lib/registry';
import { getBoard, type BoardData } from '@/lib/db/queries/board';
import { modelParam, readModel } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZModelParams } from '@/lib/validations/api-v1';

export const GET = route({
  summary: "A model's release board",
  internal: true,
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  response: readModel<BoardData>('Board'),
  handler: async ({ params }) => {
    const board = await getBoard(params.name);
    if (!board) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    return board;
  },
});
