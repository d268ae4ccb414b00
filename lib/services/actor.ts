import type { AccessSubject, SubjectRole } from '@/lib/registry';

/**
 * Who is acting: a signed-in user, an API token's owner, or the system itself (automatic rollback).
 * Carries per-model grants and a token's model restriction, so services can check the role on the
 * model they touch with `roleOn(actor, model)`.
 */
export interface Actor extends AccessSubject {
  id: string | null;
  /** What the audit timeline shows: an email, or e.g. "automatic rollback". */
  label: string;
  role: SubjectRole;
  /** A service account acts only through tokens and never decides a promotion. Absent: a person. */
  kind?: 'person' | 'service';
  /** The API token in use, if any: recorded on what it registers and requests, for the four-eyes rule. */
  token?: ActorToken;
}

export interface ActorToken {
  id: string;
  kind: 'standard' | 'serving';
  /** Who created the token: its owner, or for a service account's token the admin who made it. */
  createdById: string | null;
}
