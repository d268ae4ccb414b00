// GET /api/models/:name/versions/:number/gates?target=staging|production – preview the gates before acting
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { RegistryError } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withUser } from '@/lib/http/handler';
import { evaluateVersionGates } from '@/lib/services/internal/gate-context';
import { ZVersionParams } from '@/lib/validations/actions';

const ZTarget = z.object({ target: z.enum(['staging', 'production']) });

export const GET = withUser<{ name: string; number: string }>(
  async ({ req, params }) => {
    const { name, number } = ZVersionParams.parse(params);
    const { target } = ZTarget.parse(Object.fromEntries(req.nextUrl.searchParams));
    const version = await db.modelVersion.findFirst({ where: { model: { name }, number }, select: { id: true, modelId: true } });
    if (!version) throw new RegistryError('NOT_FOUND', `${name} has no version ${number}.`);
    const evaluation = await db.$transaction((tx) => evaluateVersionGates(tx, { modelId: version.modelId, versionId: version.id, target }));
    return NextResponse.json(evaluation);
  },
  { permission: 'registry.read' },
);
