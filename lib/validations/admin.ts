import { z } from 'zod';
import { ROLES, ZPolicy } from '@/lib/registry';
import { ZModelName } from './common';

export const ZRole = z.enum(ROLES);

export const ZCreateUserBody = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(320),
  name: z.string().trim().min(1, 'Enter a name.').max(200),
  role: ZRole,
  /** Omit to generate a one-time password that is shown once. */
  password: z.string().min(8, 'Passwords need at least 8 characters.').max(1000).optional(),
});

export const ZUpdateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: ZRole.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => v.name !== undefined || v.role !== undefined || v.disabled !== undefined, 'Nothing to change.');

export const ZGrantBody = z.object({ userId: z.string().min(1).max(64), model: ZModelName, role: ZRole });

export const ZCreateTokenBody = z.object({
  name: z.string().trim().min(1, 'Name the token after what uses it.').max(100),
  ownerId: z.string().min(1).max(64).optional(),
  role: ZRole,
  model: ZModelName.optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ZPolicyBody = z.object({
  policy: ZPolicy,
  /** When the policy the editor started from was saved (null: the default). A later save in between is a conflict. */
  expectedUpdatedAt: z.iso.datetime().nullable().optional(),
});

/** One page of an admin list (users, tokens, webhooks): pass nextCursor back as cursor. */
export const ZAdminPageQuery = z.object({
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const ZDeliveriesQuery = z.object({
  /** The cursor of the previous page: deliveries older than it. */
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, 'cursor must be a delivery cursor')
    .transform((v) => BigInt(v))
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
});

export const ZIdParams = z.object({ id: z.string().min(1).max(64) });
export const ZPolicyParams = z.object({ model: z.string().min(1).max(128).meta({ description: 'Model name' }) });
