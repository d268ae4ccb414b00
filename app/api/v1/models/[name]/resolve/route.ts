// GET /api/v1/models/:name/resolve?stage=production | ?alias=champion – the version to serve, its artifact and digest
import { NextResponse } from 'next/server';
import { resolveVersion } from '@/lib/api-v1/resolve';
import { ZResolveQuery } from '@/lib/validations/api-v1';
import { withUser } from '@/lib/http/handler';

export const GET = withUser<{ name: string }>(
  async ({ req, params }) => NextResponse.json(await resolveVersion(params.name, ZResolveQuery.parse(Object.fromEntries(req.nextUrl.searchParams))), { headers: { 'Cache-Control': 'no-store' } }),
  { permission: 'version.resolve' },
);
