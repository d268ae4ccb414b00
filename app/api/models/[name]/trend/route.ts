// GET /api/models/:name/trend?metric=&evaluationSet= – one metric across all versions (sampled above 500), with Production periods
import { NextResponse } from 'next/server';
import { can, RegistryError, roleOn } from '@/lib/registry';
import { ZTrendQuery } from '@/lib/registry/compare-query';
import { getTrend } from '@/lib/db/queries/trend';
import { withUser } from '@/lib/http/handler';

export const GET = withUser<{ name: string }>(
  async ({ req, params, user }) => {
    // withUser checks the action on some model; a grant or a model-scoped token decides this one.
    if (!can(roleOn(user, params.name), 'registry.read')) throw new RegistryError('FORBIDDEN', `Not allowed to read ${params.name}.`);
    const query = ZTrendQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
    const trend = await getTrend(params.name, query.metric, query.evaluationSet);
    if (!trend) throw new RegistryError('NOT_FOUND', `No model named "${params.name}".`);
    if (query.metric && trend.metric?.key !== query.metric) throw new RegistryError('NOT_FOUND', `${params.name} has no metric "${query.metric}".`);
    return NextResponse.json(trend);
  },
  { permission: 'registry.read' },
);
