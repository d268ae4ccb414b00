import { Prisma } from '@/lib/generated/prisma/client';
import type { RecipientFacts, Role } from '@/lib/registry';
import type { Tx } from '@/lib/db/prisma';

type Row = Omit<RecipientFacts, 'preferences'> & { newRequests: boolean | null; decisions: boolean | null; mentions: boolean | null; reminders: boolean | null };

/**
 * The facts the recipients rule needs about people, on one model: their role there (global and grant),
 * whether they are active, and their choices. `who` picks the people: these ids, or everyone who holds a
 * deciding role globally or by grant (the rule then applies the grant's precedence and four eyes).
 */
export async function loadRecipientFacts(tx: Tx, modelId: string, who: { ids: readonly string[] } | 'deciders'): Promise<RecipientFacts[]> {
  const where =
    who === 'deciders'
      ? Prisma.sql`u."role" IN ('approver', 'admin') OR g."role" IN ('approver', 'admin')`
      : who.ids.length === 0
        ? Prisma.sql`false`
        : Prisma.sql`u."id" IN (${Prisma.join([...who.ids])})`;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT u."id", u."email", u."kind"::text AS "kind", u."disabled", u."role"::text AS "role", g."role"::text AS "grantRole",
      p."new_requests" AS "newRequests", p."decisions", p."mentions", p."reminders"
    FROM "app_user" u
    LEFT JOIN "model_grant" g ON g."user_id" = u."id" AND g."model_id" = ${modelId}
    LEFT JOIN "notification_preference" p ON p."user_id" = u."id"
    WHERE u."kind" = 'person' AND NOT u."disabled" AND (${where})
    ORDER BY u."email"`;
  return rows.map(({ newRequests, decisions, mentions, reminders, ...person }) => ({
    ...person,
    role: person.role as Role,
    grantRole: (person.grantRole as Role | null) ?? null,
    preferences: { newRequests: newRequests ?? true, decisions: decisions ?? true, mentions: mentions ?? true, reminders: reminders ?? true },
  }));
}
