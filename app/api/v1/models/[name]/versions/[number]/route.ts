// GET /api/v1/models/:name/versions/:number – one version's full record
import { NextResponse } from 'next/server';
import { RegistryError } from '@/lib/registry';
import { loadVersionResource } from '@/lib/api-v1/resources';
import { withUser } from '@/lib/http/handler';
import { ZVersionParams } from '@/lib/validations/actions';

export const GET = withUser<{ name: string; number: string }>(
  async ({ params }) => {
    const { name, number } = ZVersionParams.parse(params);
    const version = await loadVersionResource(name, number);
    if (!version) throw new RegistryError('NOT_FOUND', `${name} has no version ${number}.`);
    return NextResponse.json(version);
  },
  { permission: 'registry.read' },
);
