import type { Role } from '@/lib/registry';

/** Who is acting: a signed-in user, an API token's owner, or the system itself (automatic rollback). */
export interface Actor {
  id: string | null;
  /** What the audit timeline shows: an email, or e.g. "automatic rollback". */
  label: string;
  role: Role;
}
