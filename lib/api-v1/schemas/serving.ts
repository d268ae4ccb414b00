import { z } from 'zod';
import { ZDateTime, ZStageName } from './common';

const ZRedirectedFrom = z.string().optional().meta({ description: 'The former name asked for, when a rename left a redirect' });

export const ZResolved = z
  .object({
    model: z.string().meta({ description: "The model's current name" }),
    redirectedFrom: ZRedirectedFrom,
    version: z.number().int(),
    semver: z.string(),
    stage: ZStageName,
    artifactUri: z.string(),
    artifactDigest: z.string().nullable(),
    since: ZDateTime,
  })
  .meta({ id: 'Resolved' });

const ZShare = z.object({ number: z.number().int(), weight: z.number() });

export const ZCanaryShare = z
  .object({
    number: z.number().int(),
    weight: z.number(),
    approvedWeight: z.number().meta({ description: 'The share approvers approved; the live weight never exceeds it' }),
    requestId: z.string(),
    requestedBy: z.string(),
    approvedBy: z.array(z.object({ name: z.string(), at: ZDateTime })).meta({ description: 'Who approved the share, in order' }),
    grantedAt: ZDateTime,
  })
  .meta({ id: 'CanaryShare' });

export const ZTrafficSplit = z
  .object({
    modelId: z.string().meta({ description: 'Routing keys are hashed with it, so a rename moves nobody' }),
    model: z.string(),
    routes: z.array(ZShare).meta({ description: 'Production first with what the canaries leave, then each live canary; empty when nothing is in Production.' }),
    production: z.number().int().nullable(),
    canaries: z.array(ZCanaryShare),
  })
  .meta({ id: 'TrafficSplit' });

export const ZRouted = z
  .object({
    model: z.string(),
    key: z.string(),
    version: z.number().int(),
    semver: z.string(),
    stage: ZStageName.meta({ description: 'production, or the stage of a canary' }),
    artifactUri: z.string().meta({ description: 'The artifact to load for this key, as resolve answers it' }),
    artifactDigest: z.string().nullable(),
    split: z.array(ZShare),
    redirectedFrom: ZRedirectedFrom,
  })
  .meta({ id: 'Routed', description: 'The version that serves this key, with its artifact and digest: sha256 of the model and key picks a bucket.' });

export const ZRedirects = z
  .object({ redirects: z.array(z.object({ oldName: z.string(), createdAt: ZDateTime })) })
  .meta({ id: 'Redirects', description: 'Former names that still resolve to this model, newest first' });
export const ZRedirectRemoved = z.object({ removed: z.string() }).meta({ id: 'RedirectRemoved' });

export const ZAliasSet = z.object({ alias: z.string(), version: z.number().int() }).meta({ id: 'AliasSet' });
export const ZAliasDeleted = z.object({ deleted: z.boolean() }).meta({ id: 'AliasDeleted' });

export const ZRollbackResult = z
  .object({ restored: z.object({ id: z.string(), number: z.number().int() }), failed: z.object({ id: z.string(), number: z.number().int() }) })
  .meta({ id: 'RollbackResult' });

export const ZOverrideResult = z.object({ deployed: z.boolean() }).meta({ id: 'OverrideResult' });

export const ZHealthResult = z
  .object({
    recorded: z.boolean(),
    actedOn: z.boolean().meta({ description: "Whether the report counts toward automatic rollback (only a serving token's do)" }),
    healthy: z.boolean(),
    rolledBack: z.boolean(),
    restored: z.number().int().optional().meta({ description: 'The version rolled back to, when this report tripped an automatic rollback.' }),
    unhealthyInARow: z.number().int().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'HealthResult' });

export const ZHealthCheck = z
  .object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'unreachable']), reason: z.string().optional() })
  .meta({ id: 'HealthCheck' });
