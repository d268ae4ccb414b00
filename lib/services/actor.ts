import type { AccessSubject, Role } from '@/lib/registry';

/**
 * Who is acting: a signed-in user, an API token's owner, or the system itself (automatic rollback).
 * Carries per-model grants and a token's model restriction, so services can check the role on the
 * model they touch with `roleOn(actor, model)`.
 */
export interface Actor extends AccessSubject {
  id: string | null;
  /** What the audit timeline shows: an email, or e.g. "automatic rollback". */
  label: string;
  role: Role;
}
