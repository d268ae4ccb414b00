import { parsePolicy, type Decider, type SeparationFacts } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';
import type { Actor } from '../actor';

/**
 * Who stands behind a request, for the four-eyes rule: the requester and the version's author, each with
 * the creator of the API token they acted with (for a service account's token, the admin who made it),
 * and whether the model's policy lets authors approve. Read in the caller's transaction, after the
 * request row is locked.
 */
export async function loadSeparationFacts(tx: Tx, requestId: string): Promise<SeparationFacts> {
  const [row] = await tx.$queryRaw<RequestSeparationRow[]>`
    SELECT r."requested_by_id" AS "requester", rt."created_by_id" AS "requesterTokenCreator",
      v."created_by_id" AS "author", vt."created_by_id" AS "authorTokenCreator", p."gates" AS "policy"
    FROM "promotion_request" r
    JOIN "model_version" v ON v."id" = r."version_id"
    LEFT JOIN "api_token" rt ON rt."id" = r."requested_via_token_id"
    LEFT JOIN "api_token" vt ON vt."id" = v."created_via_token_id"
    LEFT JOIN "model_policy" p ON p."model_id" = r."model_id"
    WHERE r."id" = ${requestId}`;
  return requestSeparationFacts(row);
}

/** Who stands behind a request, as read with it (loadSeparationFacts, or `modelgate_lock_request`'s "separation"). */
export interface RequestSeparationRow {
  requester: string;
  requesterTokenCreator: string | null;
  author: string | null;
  authorTokenCreator: string | null;
  policy: unknown;
}

export function requestSeparationFacts(row: RequestSeparationRow | undefined): SeparationFacts {
  if (!row) return { requesterIds: [], authorIds: [], authorMayApprove: false };
  return {
    requesterIds: present([row.requester, row.requesterTokenCreator]),
    authorIds: present([row.author, row.authorTokenCreator]),
    authorMayApprove: parsePolicy(row.policy ?? undefined).authorMayApprove === true,
  };
}

/**
 * The same facts for a version about to be put into Production by an admin's override, which stands in for
 * the approvals: its author and, if a request is pending, its requester.
 */
export async function loadVersionSeparationFacts(tx: Tx, versionId: string): Promise<SeparationFacts> {
  const [row] = await tx.$queryRaw<{ author: string | null; authorTokenCreator: string | null; requesters: (string | null)[]; policy: unknown }[]>`
    SELECT v."created_by_id" AS "author", vt."created_by_id" AS "authorTokenCreator", p."gates" AS "policy",
      ARRAY(SELECT x FROM "promotion_request" r LEFT JOIN "api_token" rt ON rt."id" = r."requested_via_token_id",
        LATERAL (VALUES (r."requested_by_id"), (rt."created_by_id")) AS ids(x)
        WHERE r."version_id" = v."id" AND r."status" = 'pending') AS "requesters"
    FROM "model_version" v
    LEFT JOIN "api_token" vt ON vt."id" = v."created_via_token_id"
    LEFT JOIN "model_policy" p ON p."model_id" = v."model_id"
    WHERE v."id" = ${versionId}`;
  if (!row) return { requesterIds: [], authorIds: [], authorMayApprove: false };
  return {
    requesterIds: present(row.requesters),
    authorIds: present([row.author, row.authorTokenCreator]),
    authorMayApprove: parsePolicy(row.policy ?? undefined).authorMayApprove === true,
  };
}

const present = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => !!id))];

/** The acting user as the four-eyes rule sees them. */
export function deciderOf(actor: Actor & { id: string }): Decider {
  const kind = actor.kind ?? 'person';
  return { id: actor.id, kind, viaForeignToken: kind === 'person' && !!actor.token && actor.token.createdById !== actor.id };
}
