// GET /api/v1/models/:name/versions/:number – one version's full record; PATCH – edit its documentation
import { loadVersionResource } from '@/lib/api-v1/resources';
import { ZVersion, ZVersionEdited } from '@/lib/api-v1/schemas/versions';
import { assertEditableKeys, RegistryError } from '@/lib/registry';
import { modelParam } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { updateVersion } from '@/lib/services/update-version';
import { ZVersionParams } from '@/lib/validations/actions';
import { ZVersionEdit } from '@/lib/validations/version';

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

export const PATCH = route({
  summary: "Edit a version's description, model card, changelog or migration notes (the rest of the record is immutable)",
  description:
    'Each changed field is audited with its before and after (one `version.updated` event). A card edit adds a card revision and re-runs the card gate wherever it is shown. Naming an immutable field (artifactDigest, metrics, features, …) answers 409 IMMUTABLE; an unknown field 400.',
  permission: 'version.edit',
  scope: modelParam('name'),
  params: ZVersionParams,
  body: ZVersionEdit,
  response: ZVersionEdited,
  errors: ['IMMUTABLE', 'CONFLICT'],
  handler: async ({ actor, params: { name, number }, body }) => {
    const { baseCardRevision, ...fields } = body;
    assertEditableKeys(Object.keys(fields));
    const result = await updateVersion(actor, { model: name, number, ...fields, baseCardRevision });
    const version = await loadVersionResource(name, number);
    if (!version) throw new RegistryError('NOT_FOUND', `${name} has no version ${number}.`);
    return { version, changed: result.changed, cardRevision: result.cardRevision };
  },
});
