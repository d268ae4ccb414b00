import { z } from 'zod';
import { ZDateTime, ZStageName } from './common';

export const ZResolved = z
  .object({ model: z.string(), version: z.number().int(), semver: z.string(), stage: ZStageName, artifactUri: z.string(), artifactDigest: z.string().nullable(), since: ZDateTime })
  .meta({ id: 'Resolved' });

const ZShare = z.object({ number: z.number().int(), weight: z.number() });

export const ZTrafficSplit = z
  .object({ routes: z.array(ZShare).meta({ description: 'Live shares, weights summing to 100; empty when Production serves everything.' }), production: z.number().int().nullable() })
  .meta({ id: 'TrafficSplit' });

export const ZRouted = z
  .object({ model: z.string(), key: z.string(), version: z.number().int(), split: z.array(ZShare) })
  .meta({ id: 'Routed', description: 'The version that serves this key: sha256 of model and key picks a bucket.' });

export const ZAliasSet = z.object({ alias: z.string(), version: z.number().int() }).meta({ id: 'AliasSet' });
export const ZAliasDeleted = z.object({ deleted: z.boolean() }).meta({ id: 'AliasDeleted' });

export const ZRollbackResult = z
  .object({ restored: z.object({ id: z.string(), number: z.number().int() }), failed: z.object({ id: z.string(), number: z.number().int() }) })
  .meta({ id: 'RollbackResult' });

export const ZOverrideResult = z.object({ deployed: z.boolean() }).meta({ id: 'OverrideResult' });

export const ZHealthResult = z
  .object({
    recorded: z.boolean(),
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
