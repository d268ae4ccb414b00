import { assertAllowed, evaluateGates, failingGates, parsePolicy, RegistryError, ZPolicy, type GateResult, type Policy } from '@/lib/registry';
import { db } from '@/lib/db/prisma';
import { withDbErrors } from '@/lib/db/errors';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { toJson } from './internal/json';
import { loadGateInputs } from './internal/gate-context';
import { lockModel } from './internal/production';

/**
 * Replaces a model's promotion policy, audited with the policy before and after. With `expectedUpdatedAt`
 * (what the editor loaded) a save made by someone else in between is refused instead of overwritten.
 */
export async function updatePolicy(actor: Actor, input: { model: string; policy: Policy; expectedUpdatedAt?: string | null }) {
  assertAllowed(actor, 'policies.manage', 'global');
  const policy = ZPolicy.parse(input.policy);
  return withDbErrors(() =>
    db.$transaction(async (tx) => {
      const model = await tx.registeredModel.findUnique({ where: { name: input.model }, select: { id: true, name: true } });
      if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
      // Under the model's lock two saves queue, so the second one sees the first one's timestamp.
      await lockModel(tx, model.id);
      const current = await tx.modelPolicy.findUnique({ where: { modelId: model.id }, select: { gates: true, updatedAt: true } });
      const currentAt = current?.updatedAt.toISOString() ?? null;
      if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== currentAt) {
        throw new RegistryError('CONFLICT', `Someone else saved the policy of ${model.name}${currentAt ? ` at ${currentAt}` : ''} while you were editing. Reload to see it, then make your change again.`, { updatedAt: currentAt });
      }
      const before = parsePolicy(current?.gates ?? undefined);
      // The gate editor does not carry the health rule; keep the saved one unless a new one is given.
      if (!policy.health && before.health) policy.health = before.health;
      const saved = await tx.modelPolicy.upsert({
        where: { modelId: model.id },
        create: { modelId: model.id, gates: toJson(policy), updatedById: actor.id },
        update: { gates: toJson(policy), updatedById: actor.id },
      });
      await recordAudit(tx, actor, { action: 'policy.updated', model, data: { before: toJson(before), after: toJson(policy) } });
      return { policy, updatedAt: saved.updatedAt.toISOString() };
    }),
  );
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
