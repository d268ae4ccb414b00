// GET /api/models/:name/compare?v=9,10,12 – the selected versions (plus Production as baseline) with metrics and parameters
import { NextResponse } from 'next/server';
import { can, RegistryError, roleOn } from '@/lib/registry';
import { ZCompareVersions } from '@/lib/registry/compare-query';
import { getComparisonData } from '@/lib/db/queries/compare';
import { withUser } from '@/lib/http/handler';

export const GET = withUser<{ name: string }>(
  async ({ req, params, user }) => {
    // withUser checks the action on some model; a grant or a model-scoped token decides this one.
    if (!can(roleOn(user, params.name), 'registry.read')) throw new RegistryError('FORBIDDEN', `Not allowed to read ${params.name}.`);
    const numbers = ZCompareVersions.parse(req.nextUrl.searchParams.get('v') ?? undefined);
    const data = await getComparisonData(params.name, numbers);
    if (!data) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    if (data.missing.length > 0) throw new RegistryError('NOT_FOUND', `${params.name} has no version ${data.missing.map((n) => `v${n}`).join(', ')}.`);
    return NextResponse.json(data);
  },
  { permission: 'registry.read' },
);
