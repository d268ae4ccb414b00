import { assertAllowed, evaluateGates, failingGates, isProtectedAlias, parsePolicy, RegistryError, servingRight, withKeptSettings, ZPolicy, type GateResult, type Policy } from '@/lib/registry';
import { db, type Tx } from '@/lib/db/prisma';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { findModelOrThrow } from './internal/find-model';
import { toJson } from './internal/json';
import { loadGateInputs } from './internal/gate-context';
import { lockModel } from './internal/production';
import { loadServing } from './internal/serving';

/**
 * Replaces a model's promotion policy, audited with the policy before and after. With `expectedUpdatedAt`
 * (what the editor loaded) a save made by someone else in between is refused instead of overwritten.
 */
export async function updatePolicy(actor: Actor, input: { model: string; policy: Policy; expectedUpdatedAt?: string | null }) {
  assertAllowed(actor, 'policies.manage', 'global');
  const parsed = ZPolicy.parse(input.policy);
  return inTransaction(async (tx) => {
    const model = await findModelOrThrow(tx, input.model);
    // Under the model's lock two saves queue, so the second one sees the first one's timestamp.
    await lockModel(tx, model.id);
    const current = await tx.modelPolicy.findUnique({ where: { modelId: model.id }, select: { gates: true, updatedAt: true } });
    const currentAt = current?.updatedAt.toISOString() ?? null;
    if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== currentAt) {
      throw new RegistryError('CONFLICT', `Someone else saved the policy of ${model.name}${currentAt ? ` at ${currentAt}` : ''} while you were editing. Reload to see it, then make your change again.`, { updatedAt: currentAt });
    }
    const before = parsePolicy(current?.gates ?? undefined);
    const policy = withKeptSettings(before, parsed);
    await assertAliasesStillServable(tx, model.id, policy);
    const saved = await tx.modelPolicy.upsert({
      where: { modelId: model.id },
      create: { modelId: model.id, gates: toJson(policy), updatedById: actor.id },
      update: { gates: toJson(policy), updatedById: actor.id },
    });
    await recordAudit(tx, actor, { action: 'policy.updated', model, data: { before: toJson(before), after: toJson(policy) } });
    return { policy, updatedAt: saved.updatedAt.toISOString() };
  });
}

/**
 * Protecting an alias that points at a version with no right to serve would leave it serving anyway:
 * refused, naming the alias, so the admin moves or removes it first. (The database refuses it too.)
 */
async function assertAliasesStillServable(tx: Tx, modelId: string, policy: Policy): Promise<void> {
  const aliases = await tx.modelAlias.findMany({ where: { modelId }, select: { alias: true, version: { select: { number: true, stage: true } } } });
  const serving = await loadServing(tx, modelId);
  const orphaned = aliases.filter((a) => isProtectedAlias(policy, a.alias) && servingRight(a.version, serving.shares).kind === 'none');
  if (orphaned.length > 0) {
    throw new RegistryError(
      'CONFLICT',
      `Protecting ${orphaned.map((a) => `@${a.alias}`).join(', ')} would let ${orphaned.length === 1 ? 'it' : 'them'} serve ${orphaned.map((a) => `v${a.version.number} (${a.version.stage})`).join(', ')}, which is neither Production nor an approved canary. Move or remove ${orphaned.length === 1 ? 'that alias' : 'those aliases'} first.`,
      { aliases: orphaned.map((a) => a.alias) },
    );
  }
}

export interface PolicyPreviewRow {
  number: number;
  semver: string;
  stage: 'testing' | 'staging';
  target: 'staging' | 'production';
  results: GateResult[];
  failing: number;
}

/**
 * What a policy would decide today: Staging versions against its Production gates, Testing versions
 * against its Staging gates. Nothing is saved.
 */
export async function previewPolicy(actor: Actor, input: { model: string; policy: Policy }): Promise<PolicyPreviewRow[]> {
  assertAllowed(actor, 'policies.manage', 'global');
  const policy = ZPolicy.parse(input.policy);
  return db.$transaction(async (tx) => {
    const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true } });
    if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
    const versions = await tx.modelVersion.findMany({
      where: { modelId: model.id, stage: { in: ['testing', 'staging'] } },
      orderBy: [{ stage: 'desc' }, { number: 'desc' }],
      take: 20,
      select: { id: true, number: true, semver: true, stage: true },
    });
    const rows: PolicyPreviewRow[] = [];
    for (const v of versions) {
      const target = v.stage === 'staging' ? 'production' : 'staging';
      const context = await loadGateInputs(tx, { modelId: model.id, versionId: v.id });
      const results = evaluateGates(policy[target], context);
      rows.push({ number: v.number, semver: v.semver, stage: v.stage as 'testing' | 'staging', target, results, failing: failingGates(results).length });
    }
    return rows;
  });
}
