// POST /api/v1/models/:name/versions/:number/{promote|demote|archive|restore|promotion-requests}
import { NextResponse, type NextRequest } from 'next/server';
import { RegistryError } from '@/lib/registry';
import { POST as move } from '@/app/api/models/[name]/versions/[number]/[move]/route';
import { POST as requestProduction } from '@/app/api/models/[name]/versions/[number]/request-production/route';

type Context = { params: Promise<{ name: string; number: string; action: string }> };

/** The same handlers as the browser uses: one permission check, one service, one error shape. */
export async function POST(req: NextRequest, context: Context) {
  const { action, ...rest } = await context.params;
  if (action === 'promotion-requests') return requestProduction(req, { params: Promise.resolve(rest) });
  if (['promote', 'demote', 'archive', 'restore'].includes(action)) return move(req, { params: Promise.resolve({ ...rest, move: action }) });
  const error = new RegistryError('NOT_FOUND', `Unknown action "${action}".`);
  return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: 404 });
}
