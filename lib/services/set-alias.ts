import { z } from 'zod';
import { assertAllowed, failingGates, RegistryError, type Action } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { evaluateVersionGates } from './internal/gate-context';

/**
 * Aliases serving code resolves (`models:/fraud@champion`) are governed like Production itself: only
 * someone who may decide promotions moves them, and only onto a version that passes the Production gates.
 */
export const PROTECTED_ALIASES: readonly string[] = ['champion'];

export const ZAliasName = z
  .string()
  .min(1, 'Registered model alias name cannot be empty.')
  .max(255, 'Alias names are at most 255 characters.')
  .regex(/^[\w-]+$/, 'Alias names may only contain letters, digits, underscores (_) and dashes (-).')
  .refine((a) => a.toLowerCase() !== 'latest', "'latest' alias name (case insensitive) is reserved.")
  .refine((a) => !/^[vV]\d+$/.test(a), 'Alias names of the form v<number> are reserved for versions.');

export function aliasPermission(alias: string): Action {
  return PROTECTED_ALIASES.includes(alias.toLowerCase()) ? 'request.decide' : 'version.edit';
}

/** Points an alias at a version (one version per alias per model), replacing where it pointed before. */
export async function setAlias(actor: Actor, input: { model: string; alias: string; number: number }) {
  const alias = ZAliasName.parse(input.alias);
  assertAllowed(actor, aliasPermission(alias), { model: input.model });
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const version = await tx.modelVersion.findFirst({
        where: { model: { name: input.model }, number: input.number },
        select: { id: true, number: true, model: { select: { id: true, name: true } } },
      });
      if (!version) throw new RegistryError('NOT_FOUND', `${input.model} has no version ${input.number}.`);
      if (aliasPermission(alias) === 'request.decide') {
        const evaluation = await evaluateVersionGates(tx, { modelId: version.model.id, versionId: version.id, target: 'production' });
        const failing = failingGates(evaluation.results);
        if (failing.length > 0) {
          throw new RegistryError('GATE_FAILED', `@${alias} may only point at a version that passes the Production gates; v${version.number} fails ${failing.length}: ${failing.map((g) => g.detail).join(' ')}`, { gates: evaluation.results });
        }
      }
      const previous = await tx.modelAlias.findUnique({ where: { modelId_alias: { modelId: version.model.id, alias } }, select: { version: { select: { number: true } } } });
      await tx.modelAlias.upsert({
        where: { modelId_alias: { modelId: version.model.id, alias } },
        create: { modelId: version.model.id, alias, versionId: version.id },
        update: { versionId: version.id },
      });
      await recordAudit(tx, actor, { action: 'alias.set', model: version.model, version, data: { alias, previousVersion: previous?.version.number ?? null } });
      return { alias, version: version.number };
    }),
  );
}
