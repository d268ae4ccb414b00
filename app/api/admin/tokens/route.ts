// GET /api/admin/tokens – tokens with owner, scope, expiry and last use (never the secret)
// POST /api/admin/tokens – create a token; the secret is in this response only
import { NextResponse } from 'next/server';
import { listTokens } from '@/lib/db/queries/admin';
import { readJson, withUser } from '@/lib/http/handler';
import { createApiToken } from '@/lib/services/manage-tokens';
import { ZCreateTokenBody } from '@/lib/validations/admin';

export const GET = withUser(async () => NextResponse.json({ tokens: await listTokens() }), { permission: 'tokens.manage' });

export const POST = withUser(
  async ({ req, user }) => {
    const body = ZCreateTokenBody.parse(await readJson(req));
    const { token, record } = await createApiToken(user, body);
    return NextResponse.json({ token, record }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  },
  { permission: 'tokens.manage' },
);
