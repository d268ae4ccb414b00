import { applyRetention, assertAllowed, assertTransition, parsePolicy, RegistryError, retentionRuleOf, simpleMove, ZRetentionRule, type RetentionArchive, type RetentionKeep, type RetentionRule } from '@/lib/registry';
import { db, type Tx } from '@/lib/db/prisma';
import { inTransaction } from '@/lib/db/transaction';
import { logger } from '@/lib/observability/logger';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { toJson } from './internal/json';
import { lockModel } from './internal/production';
import { loadRetentionCandidates, modelsWithRetention } from './internal/retention';

/** The system actor of every retention archive; the audit timeline shows it by this name. */
export const RETENTION_RULE: Actor = { id: null, label: 'retention rule', role: 'admin' };

/** Versions archived in one transaction: a first pass over a long-neglected model stays a short lock. */
const BATCH = 100;

/** Rows of each list a dry run answers (the counts give the totals): a model may hold thousands of versions. */
export const RETENTION_PREVIEW_LIMIT = 200;

export interface RetentionPreview {
  model: string;
  /** The rule previewed: the saved one, or the one proposed; null when the model has none. */
  rule: RetentionRule | null;
  at: string;
  /** Oldest first, at most RETENTION_PREVIEW_LIMIT; `archiveCount` is the total. */
  archive: RetentionArchive[];
  archiveCount: number;
  /** Newest first, at most RETENTION_PREVIEW_LIMIT; `keptCount` is the total. */
  kept: RetentionKeep[];
  keptCount: number;
}

/**
 * What a retention pass would archive for one model today, and what it keeps and why: with the saved rule,
 * or with `rule` (an unsaved draft in the policy editor). Nothing changes.
 */
export async function previewRetention(actor: Actor, input: { model: string; rule?: RetentionRule }): Promise<RetentionPreview> {
  assertAllowed(actor, 'registry.read', { model: input.model });
  const proposed = input.rule === undefined ? undefined : ZRetentionRule.parse(input.rule);
  return db.$transaction(async (tx) => {
    const model = await findModel(tx, input.model);
    const rule = proposed ?? retentionRuleOf(parsePolicy(model.policy?.gates ?? undefined));
    const now = clock.now();
    if (!rule) return { model: model.name, rule: null, at: now.toISOString(), archive: [], archiveCount: 0, kept: [], keptCount: 0 };
    const { archive, kept } = applyRetention(await loadRetentionCandidates(tx, model.id), rule, now);
    return {
      model: model.name,
      rule,
      at: now.toISOString(),
      archive: archive.slice(0, RETENTION_PREVIEW_LIMIT),
      archiveCount: archive.length,
      kept: kept.slice(0, RETENTION_PREVIEW_LIMIT),
      keptCount: kept.length,
    };
  });
}

export interface RetentionRunResult {
  model: string;
  rule: RetentionRule;
  archived: RetentionArchive[];
}

/**
 * "Run now": one model's pass at once, by whoever may edit the policy. The archives are the rule's (its
 * actor), with the person who ran it recorded beside them. With `expectedArchive` (what the preview showed)
 * a pass that would now archive something else is refused, so the confirmation meant what it said.
 */
export async function runRetention(actor: Actor, input: { model: string; expectedArchive?: number[] }): Promise<RetentionRunResult> {
  assertAllowed(actor, 'policies.manage', 'global');
  const model = await db.registeredModel.findUnique({ where: { name: input.model }, select: { id: true } });
  if (!model) throw new RegistryError('NOT_FOUND', `No model named "${input.model}".`);
  const result = await applyRetentionToModel(model.id, { runBy: actor.label, expectedArchive: input.expectedArchive });
  if (!result) throw new RegistryError('INVALID_ARGUMENT', `${input.model} has no retention rule. Add one to its policy and save it first.`);
  return result;
}

/**
 * One model's pass: in each transaction the model's row lock is taken first, then the versions and the
 * saved rule are read again and the rule applied — so a request opened, an alias set or a promotion made
 * a moment earlier wins, and two passes racing (two instances, a retry, Run now beside the schedule) queue
 * on the lock and the second finds nothing left to do. Null when the model has no rule (or is gone).
 */
export async function applyRetentionToModel(modelId: string, options: { runBy?: string; expectedArchive?: number[] } = {}): Promise<RetentionRunResult | null> {
  const archived: RetentionArchive[] = [];
  let rule: RetentionRule | null = null;
  let name = '';
  for (let first = true; ; first = false) {
    const batch = await inTransaction(async (tx) => {
      await lockModel(tx, modelId);
      const model = await tx.registeredModel.findUnique({ where: { id: modelId }, select: { id: true, name: true, policy: { select: { gates: true } } } });
      const current = model && retentionRuleOf(parsePolicy(model.policy?.gates ?? undefined));
      if (!model || !current) return null;
      const candidates = await loadRetentionCandidates(tx, model.id);
      const decision = applyRetention(candidates, current, clock.now());
      if (first && options.expectedArchive) assertExpected(options.expectedArchive, decision.archive);
      const ids = new Map(candidates.map((c) => [c.number, c.id]));
      const done: RetentionArchive[] = [];
      for (const target of decision.archive.slice(0, BATCH)) {
        if (await archiveOne(tx, { model, version: { id: ids.get(target.number)!, number: target.number }, target, rule: current, runBy: options.runBy })) done.push(target);
      }
      return { model, rule: current, done, more: decision.archive.length > BATCH };
    }, { timeout: 30_000 });
    if (!batch) return rule ? { model: name, rule, archived } : null;
    ({ rule } = batch);
    name = batch.model.name;
    archived.push(...batch.done);
    // Another batch only while this one made progress: a pass never spins on versions it cannot move.
    if (!batch.more || batch.done.length === 0) return { model: name, rule, archived };
  }
}

/** Testing → Archived along the transition table, audited as the rule's, with its reason. */
async function archiveOne(tx: Tx, args: { model: { id: string; name: string }; version: { id: string; number: number }; target: RetentionArchive; rule: RetentionRule; runBy?: string }): Promise<boolean> {
  const spec = simpleMove('archive');
  assertTransition('testing', spec.to, 'archive');
  // Conditional, like every stage move: a version that left Testing since it was read is not touched.
  const updated = await tx.modelVersion.updateMany({ where: { id: args.version.id, stage: 'testing' }, data: { stage: spec.to, stageChangedAt: clock.now() } });
  if (updated.count !== 1) return false;
  await recordAudit(tx, RETENTION_RULE, {
    action: spec.audit,
    model: args.model,
    version: args.version,
    fromStage: 'testing',
    toStage: spec.to,
    comment: `retention: ${args.target.reason} (policy${args.runBy ? `; run now by ${args.runBy}` : ''})`,
    data: { retention: toJson({ rule: args.rule, reason: args.target.reason, ageDays: args.target.ageDays, runBy: args.runBy ?? null }) },
  });
  return true;
}

function assertExpected(expected: number[], archive: RetentionArchive[]): void {
  const now = archive.map((a) => a.number);
  const same = now.length === expected.length && [...expected].sort((a, b) => a - b).every((n, i) => n === now[i]);
  if (!same) {
    throw new RegistryError('CONFLICT', `The preview is out of date: the rule would now archive ${now.length === 0 ? 'nothing' : now.map((n) => `v${n}`).join(', ')}. Look at the new preview and run again.`, { archive: now });
  }
}

/**
 * The scheduled pass: every model with a rule, one by one, each in its own transactions. A model that fails
 * does not stop the others; the pass throws afterwards so the job queue tries it again (a pass is safe to repeat).
 */
export async function applyRetentionPass(): Promise<{ models: number; archived: number }> {
  const models = await modelsWithRetention(db);
  let archived = 0;
  const failed: string[] = [];
  for (const model of models) {
    try {
      archived += (await applyRetentionToModel(model.id))?.archived.length ?? 0;
    } catch (error) {
      failed.push(model.name);
      logger.error({ model: model.name, err: error instanceof Error ? error.message : String(error) }, 'retention pass failed for a model');
    }
  }
  if (failed.length > 0) throw new Error(`retention pass failed for ${failed.join(', ')}`);
  return { models: models.length, archived };
}

async function findModel(tx: Tx, name: string) {
  const model = await tx.registeredModel.findUnique({ where: { name }, select: { id: true, name: true, policy: { select: { gates: true } } } });
  if (!model) throw new RegistryError('NOT_FOUND', `No model named "${name}".`);
  return model;
}
