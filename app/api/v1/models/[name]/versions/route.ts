// GET /api/v1/models/:name/versions?stage=&tag=&alias=&metric=auc>=0.9&cursor=&limit= – search versions, newest first
// POST /api/v1/models/:name/versions – register a version with its full record (idempotent: Idempotency-Key header or same artifact digest)
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { RegistryError } from '@/lib/registry';
import { versionResource } from '@/lib/api-v1/resources';
import { searchVersions } from '@/lib/api-v1/search-versions';
import { ZSearchVersionsQuery } from '@/lib/validations/api-v1';
import { readJson, withUser } from '@/lib/http/handler';
import { registerVersion } from '@/lib/services/register-version';
import { ZRegisterVersionInput } from '@/lib/validations/version';

export const GET = withUser<{ name: string }>(
  async ({ req, params }) => {
    const search = req.nextUrl.searchParams;
    const query = ZSearchVersionsQuery.parse({ ...Object.fromEntries(search), metric: search.getAll('metric') });
    return NextResponse.json(await searchVersions(params.name, query));
  },
  { permission: 'registry.read' },
);

const ZIdempotencyKey = z.string().trim().min(1).max(200);

export const POST = withUser<{ name: string }>(
  async ({ req, params, user }) => {
    const body = await readJson(req);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RegistryError('INVALID_ARGUMENT', 'The body must be a JSON object.');
    const input = ZRegisterVersionInput.parse({ ...body, model: params.name });
    const header = req.headers.get('idempotency-key');
    const idempotencyKey = header === null ? undefined : ZIdempotencyKey.parse(header);
    const version = await registerVersion(user, input, { idempotencyKey, dedupeByDigest: true });
    return NextResponse.json(versionResource(version), { status: version.created ? 201 : 200, headers: version.created ? {} : { 'Idempotent-Replayed': 'true' } });
  },
  { permission: 'version.register' },
);
