// GET /api/v1/models/:name/versions?stage=&tag=&alias=&metric=auc>=0.9&cursor=&limit= – search versions, newest first
// POST /api/v1/models/:name/versions – register a version with its full record (idempotent: Idempotency-Key header or same artifact digest)
import { versionResource } from '@/lib/api-v1/resources';
import { ZVersion, ZVersionPage } from '@/lib/api-v1/schemas/versions';
import { searchVersions } from '@/lib/api-v1/search-versions';
import { reply, modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { offerToFastPath } from '@/lib/serving/fast-path';
import { registerVersion } from '@/lib/services/register-version';
import { ZIdempotencyHeaders, ZModelParams, ZSearchVersionsQuery } from '@/lib/validations/api-v1';
import { ZRegisterVersionInput } from '@/lib/validations/version';

export const GET = route({
  summary: 'Search versions (newest first, cursor pagination)',
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZModelParams,
  query: ZSearchVersionsQuery,
  response: ZVersionPage,
  handler: ({ params, query }) => searchVersions(params.name, query),
});

export const POST = route({
  summary: 'Register a version with its full record',
  description:
    'Idempotent: a retry with the same Idempotency-Key header, or a version with the same artifact digest, returns the existing version (200, header Idempotent-Replayed: true).',
  permission: 'version.register',
  scope: modelParam('name'),
  params: ZModelParams,
  headers: ZIdempotencyHeaders,
  body: ZRegisterVersionInput.omit({ model: true }),
  response: ZVersion,
  status: 201,
  otherResponses: { 200: { description: 'Replayed: the version this key or digest already registered', schema: ZVersion } },
  errors: ['CONFLICT'],
  handler: async ({ actor, params, headers, body }) => {
    const version = await registerVersion(actor, { ...body, model: params.name }, { idempotencyKey: headers['idempotency-key'], dedupeByDigest: true });
    return version.created ? versionResource(version) : reply(versionResource(version), { status: 200, headers: { 'Idempotent-Replayed': 'true' } });
  },
});

// npm start's worker answers POSTs with a bearer token through this same handler, before Next's router.
offerToFastPath('POST /api/v1/models/:name/versions', POST);
