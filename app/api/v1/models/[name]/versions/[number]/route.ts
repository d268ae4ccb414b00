// GET /api/v1/models/:name/versions/:number – one version's full record
import { loadVersionResource } from '@/lib/api-v1/resources';
import { ZVersion } from '@/lib/api-v1/schemas/versions';
import { RegistryError } from '@/lib/registry';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { ZVersionParams } from '@/lib/validations/actions';

export const GET = route({
  summary: 'Get a version',
  permission: 'registry.read',
  scope: modelParam('name'),
  params: ZVersionParams,
  response: ZVersion,
  handler: async ({ params: { name, number } }) => {
    const version = await loadVersionResource(name, number);
    if (!version) throw new RegistryError('NOT_FOUND', `${name} has no version ${number}.`);
    return version;
  },
});
