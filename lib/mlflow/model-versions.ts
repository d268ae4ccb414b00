import 'server-only';
import type { Actor } from '@/lib/services/actor';
import { registerVersion } from '@/lib/services/register-version';
import { ZTagKey, ZTagValue } from '@/lib/services/set-model-tag';
import { setVersionTag } from '@/lib/services/set-version-tag';
import { loadVersion } from './queries/records';
import type { VersionRecord } from './serialize';
import { toRegistration, type MlflowCreateVersion } from './tags';

/**
 * What registration itself accepts as a tag (lib/validations: keys ≤ 64 characters without spaces, values
 * ≤ 500). "__proto__" is a plain MLflow tag too, but registration reads tags as a record, where that key
 * would be taken for the object's prototype and dropped; it is set right after, like the longer ones.
 */
const registrable = (key: string, value: string) => key !== '__proto__' && /^[\w.:/=-]{1,64}$/.test(key) && value.length <= 500;

/**
 * create-model-version. Tags are checked against MLflow's rules first; those registration takes travel
 * with the version in one transaction, and any longer ones (MLflow allows 250-character keys with spaces
 * and 100,000-character values, as MLflow 3 does) are set right after it, each an audited tag change.
 */
export async function createModelVersion(actor: Actor, request: MlflowCreateVersion): Promise<VersionRecord> {
  const registration = toRegistration(request);
  const tags = Object.entries(registration.tags ?? {});
  for (const [key, value] of tags) {
    ZTagKey.parse(key);
    ZTagValue.parse(value);
  }
  const version = await registerVersion(actor, { ...registration, tags: Object.fromEntries(tags.filter(([k, v]) => registrable(k, v))) }, { viaMlflow: true });
  const longer = tags.filter(([k, v]) => !registrable(k, v));
  // Registration returns the whole record; only tags set afterwards make it worth reading again.
  if (longer.length === 0) return version;
  for (const [key, value] of longer) {
    await setVersionTag(actor, { model: request.name, number: version.number, key, value });
  }
  return loadVersion(request.name, version.number);
}
