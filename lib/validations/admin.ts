import { z } from 'zod';
import { ROLES, SERVICE_ACCOUNT_NAME, ZPolicy } from '@/lib/registry';
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

export const TOKEN_KINDS = ['standard', 'serving'] as const;

// ownerId was accepted before tokens had to belong to their creator: refuse it loudly rather than ignore it.
const NO_OWNER_ID = 'A token belongs to you or to a service account (serviceAccount); there is no ownerId.';

const ZTokenFields = {
  name: z.string().trim().min(1, 'Name the token after what uses it.').max(100),
  kind: z.enum(TOKEN_KINDS).default('standard'),
  /** Standard tokens act with this role; serving tokens have none of their own. */
  role: ZRole.optional(),
  /** Owned by this service account (created on first use); absent: by you. */
  serviceAccount: z.string().trim().regex(SERVICE_ACCOUNT_NAME, 'Service account names are 2–63 lowercase letters, digits, ".", "_" or "-".').optional(),
  model: ZModelName.optional(),
  /** Days until it stops working (default 90), or "never" — spelled out, so no token lives forever by accident. */
  expiresInDays: z.union([z.number().int().min(1).max(3650), z.literal('never')]).optional(),
};

export const ZCreateTokenBody = z
  .strictObject(ZTokenFields, { error: (issue) => (issue.code === 'unrecognized_keys' && issue.keys.includes('ownerId') ? NO_OWNER_ID : undefined) })
  .refine((body) => body.kind === 'serving' || body.role !== undefined, { path: ['role'], message: 'Choose the role the token acts with.' });

export const ZPolicyBody = z.object({
  policy: ZPolicy,
  /** When the policy the editor started from was saved (null: the default). A later save in between is a conflict. */
  expectedUpdatedAt: z.iso.datetime().nullable().optional(),
});
