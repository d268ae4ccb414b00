import { z } from 'zod';
import { ZPolicy } from '@/lib/registry';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from '@/lib/webhooks/events';
import { ZDateTime, ZGateResult, ZRoleName } from './common';

// Answers of the admin endpoints (the console's Users, Tokens, Webhooks, Policies and Audit pages).

const ZCursor = z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null at the end.' });

export const ZAdminUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: ZRoleName,
    kind: z.enum(['person', 'service']).meta({ description: 'A person, or a service account (never signs in, never approves)' }),
    disabled: z.boolean(),
    createdAt: ZDateTime,
    grants: z.array(z.object({ model: z.string(), role: ZRoleName })),
  })
  .meta({ id: 'AdminUser' });
export const ZAdminUserPage = z.object({ users: z.array(ZAdminUser), nextCursor: ZCursor }).meta({ id: 'AdminUserPage' });

const ZUserRow = z.object({ id: z.string(), email: z.string(), name: z.string(), role: ZRoleName, disabled: z.boolean().optional() });
export const ZCreatedUser = z
  .object({ user: ZUserRow, oneTimePassword: z.string().nullable().meta({ description: 'Shown once, when no password was given.' }) })
  .meta({ id: 'CreatedUser' });
export const ZUpdatedUser = z.object({ user: ZUserRow }).meta({ id: 'UpdatedUser' });

export const ZGrantSet = z.object({ grant: z.object({ userId: z.string(), model: z.string(), role: ZRoleName }) }).meta({ id: 'GrantSet' });
export const ZGrantRemoved = z.object({ removed: z.boolean() }).meta({ id: 'GrantRemoved' });

const ZTokenKind = z.enum(['standard', 'serving']).meta({ description: 'standard: acts with its role; serving: only resolves, routes and reports health' });

export const ZAdminToken = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    role: ZRoleName,
    kind: ZTokenKind,
    owner: z.string().meta({ description: "The owner's email, or the service account's name" }),
    ownerKind: z.enum(['person', 'service']),
    createdBy: z.string().nullable().meta({ description: 'Who created it (email)' }),
    heldForSomeoneElse: z.boolean().meta({ description: 'Minted for another person before tokens belonged to their creator: it can approve nothing' }),
    model: z.string().nullable(),
    expiresAt: ZDateTime.nullable(),
    lastUsedAt: ZDateTime.nullable(),
    revokedAt: ZDateTime.nullable(),
    createdAt: ZDateTime,
    status: z.enum(['active', 'revoked', 'expired']),
  })
  .meta({ id: 'AdminToken' });
export const ZAdminTokenPage = z.object({ tokens: z.array(ZAdminToken), nextCursor: ZCursor }).meta({ id: 'AdminTokenPage' });
export const ZCreatedToken = z
  .object({
    token: z.string().meta({ description: 'The secret: shown in this answer only.' }),
    record: z.object({ id: z.string(), name: z.string(), prefix: z.string(), role: ZRoleName, kind: ZTokenKind, expiresAt: ZDateTime.nullable(), createdAt: ZDateTime }),
  })
  .meta({ id: 'CreatedToken' });
export const ZTokenRevoked = z.object({ revoked: z.boolean() }).meta({ id: 'TokenRevoked' });

const ZDeliveryStatus = z.string().meta({ description: 'pending, retrying, delivered, failed or cancelled' });
export const ZAdminWebhook = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    format: z.string().meta({ description: 'modelgate (signed JSON), chat (`{ "text" }` for Slack and Teams incoming webhooks) or mlflow (made through MLflow\'s API)' }),
    active: z.boolean(),
    createdAt: ZDateTime,
    model: z.string().nullable(),
    lastDelivery: z.object({ status: ZDeliveryStatus, lastStatusCode: z.number().int().nullable(), createdAt: ZDateTime }).nullable(),
  })
  .meta({ id: 'AdminWebhook' });
export const ZAdminWebhookPage = z.object({ webhooks: z.array(ZAdminWebhook), nextCursor: ZCursor }).meta({ id: 'AdminWebhookPage' });
export const ZCreatedWebhook = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), format: z.enum(WEBHOOK_FORMATS), secret: z.string().meta({ description: 'The signing secret: shown in this answer only.' }) })
  .meta({ id: 'CreatedWebhook' });
export const ZWebhookDeleted = z.object({ deleted: z.boolean() }).meta({ id: 'WebhookDeleted' });

export const ZDelivery = z
  .object({
    deliveryId: z.string(),
    eventType: z.string(),
    status: ZDeliveryStatus,
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: ZDateTime,
    deliveredAt: ZDateTime.nullable(),
    nextAttemptAt: ZDateTime.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export const ZDeliveryPage = z.object({ deliveries: z.array(ZDelivery), nextCursor: ZCursor }).meta({ id: 'WebhookDeliveryPage' });

export const ZStoredPolicy = z
  .object({ model: z.string(), policy: ZPolicy, isDefault: z.boolean(), updatedAt: ZDateTime.nullable() })
  .meta({ id: 'StoredPolicy' });
export const ZSavedPolicy = z.object({ policy: ZPolicy, updatedAt: ZDateTime }).meta({ id: 'SavedPolicy' });
export const ZPolicyPreview = z
  .object({
    rows: z.array(
      z.object({ number: z.number().int(), semver: z.string(), stage: z.enum(['testing', 'staging']), target: z.enum(['staging', 'production']), results: z.array(ZGateResult), failing: z.number().int() }),
    ),
  })
  .meta({ id: 'PolicyPreview' });

export const ZChainVerification = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    chains: z.number().int(),
    firstBroken: z.object({ id: z.string(), chainKey: z.string(), chainSeq: z.number().int(), reason: z.enum(['content-changed', 'link-broken', 'sequence-gap']) }).nullable(),
    durationMs: z.number(),
  })
  .meta({ id: 'ChainVerification' });
