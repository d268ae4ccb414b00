import { ZodError } from 'zod';
import { db, type Tx } from '@/lib/db/prisma';
import { withTransactionContext, type TransactionContext } from '@/lib/db/transaction';
import {
  assertAllowed,
  canonicalJson,
  modelTagPresent,
  parsePolicy,
  policySummary,
  PORTFOLIO_PERMISSIONS,
  RegistryError,
  STAGE_LABELS,
  staleSincePreview,
  tagsText,
  withKeptSettings,
  withoutTagKey,
  type Policy,
  type PortfolioItemResult,
} from '@/lib/registry';
import { logger } from '@/lib/observability/logger';
import type { PortfolioAction } from '@/lib/validations/portfolio';
import type { Actor } from '../actor';
import { deleteModelTag } from '../delete-model-tag';
import { deleteVersionTag } from '../delete-version-tag';
import { moveVersion } from '../move-version';
import { encodeModelTag, setModelTag } from '../set-model-tag';
import { setModelOwner } from '../set-model-owner';
import { setVersionTag } from '../set-version-tag';
import { updatePolicy } from '../update-policy';
import type { PortfolioTarget } from './portfolio-targets';

/** An action with what it needs resolved once for every item (the policy to copy). */
export type ResolvedAction = Exclude<PortfolioAction, { type: 'apply-policy' }> | { type: 'apply-policy'; policy: Policy };

/** What one item is now, and how its one-item service would change it. */
interface ItemPlan {
  before: string;
  /** Set when it is already so: why nothing will be done. */
  unchanged: string | null;
  run: () => Promise<unknown>;
  /** What it is after the service ran, from the service's own answer. */
  after: (result: unknown) => string;
  /** Whether the service's answer says it changed something (some answer "nothing to do" themselves). */
  changed?: (result: unknown) => boolean;
}

export interface StepOptions {
  /** Run the service and roll its transaction back: a preview. */
  dryRun: boolean;
  /** The "before" the confirmed preview showed (undefined: applied without a preview). */
  expected?: string;
  /** Writes the item's outcome in the service's own transaction (apply only). */
  record?: (tx: Tx, result: PortfolioItemResult) => Promise<void>;
}

/**
 * One item of a bulk action, through the one-item service that does the same thing alone — its
 * permission check, its rules, its transaction and its audit event. Returns the outcome and whether it
 * was already recorded in the service's transaction (refusals and no-ops are recorded by the caller).
 */
export async function portfolioStep(actor: Actor, action: ResolvedAction, target: PortfolioTarget, options: StepOptions): Promise<{ result: PortfolioItemResult; recorded: boolean }> {
  const base = { key: target.key, model: target.model, version: target.version };
  const refused = (code: string, reason: string, before: string | null = null) => ({ result: { ...base, outcome: 'refused' as const, code, reason, before, after: null, events: [] }, recorded: false });
  let plan: ItemPlan | null = null;
  try {
    // The permission first, with the service's own check: nothing about a model out of reach is read.
    assertAllowed(actor, PORTFOLIO_PERMISSIONS[action.type], action.type === 'apply-policy' ? 'global' : { model: target.model });
    plan = await planItem(actor, action, target);
    const stale = options.expected === undefined ? null : staleSincePreview(options.expected, plan.before);
    if (stale) return refused('CONFLICT', stale, plan.before);
    if (plan.unchanged) return { result: { ...base, outcome: 'unchanged', code: null, reason: plan.unchanged, before: plan.before, after: plan.before, events: [] }, recorded: false };
    const current = plan;
    const context: TransactionContext = { dryRun: options.dryRun };
    const outcomeOf = (answer: unknown): PortfolioItemResult =>
      current.changed && !current.changed(answer)
        ? { ...base, outcome: 'unchanged', code: null, reason: 'Already so.', before: current.before, after: current.before, events: [] }
        : { ...base, outcome: 'changed', code: null, reason: null, before: current.before, after: current.after(answer), events: context.events ?? [] };
    let recorded = false;
    if (options.record) {
      context.beforeCommit = async (tx, answerInTx) => {
        await options.record!(tx, outcomeOf(answerInTx));
        recorded = true;
      };
    }
    const answer = await withTransactionContext(context, current.run);
    return { result: outcomeOf(answer), recorded };
  } catch (error) {
    if (error instanceof RegistryError) return refused(error.code, error.message, plan?.before ?? null);
    if (error instanceof ZodError) return refused('INVALID_ARGUMENT', error.issues.map((i) => i.message).join('; '), plan?.before ?? null);
    logger.error({ err: error, item: target.key }, 'portfolio item failed');
    return refused('INTERNAL', 'Something went wrong on our side with this item. The error has been logged.', plan?.before ?? null);
  }
}

async function planItem(actor: Actor, action: ResolvedAction, target: PortfolioTarget): Promise<ItemPlan> {
  const { model, version } = target;
  switch (action.type) {
    case 'add-tag':
    case 'remove-tag':
      return version === null ? modelTagPlan(actor, action, model) : versionTagPlan(actor, action, model, version);
    case 'archive': {
      if (version === null) {
        await modelOrThrow(model);
        return { before: 'no version in Testing or Staging', unchanged: 'Nothing to archive: no version in Testing or Staging.', run: async () => null, after: () => '' };
      }
      const found = await versionOrThrow(model, version);
      return {
        before: STAGE_LABELS[found.stage],
        unchanged: found.stage === 'archived' ? 'Already archived.' : null,
        run: () => moveVersion(actor, 'archive', { model, number: version, expectedStage: found.stage, comment: action.comment }),
        after: () => STAGE_LABELS.archived,
      };
    }
    case 'apply-policy': {
      const row = await modelOrThrow(model, { policy: { select: { gates: true, updatedAt: true } } });
      const current = parsePolicy(row.policy?.gates ?? undefined);
      const savedAt = row.policy?.updatedAt.toISOString() ?? null;
      const next = withKeptSettings(current, action.policy);
      return {
        before: `${policySummary(current)} (${savedAt ? `saved ${savedAt}` : 'never saved: the defaults'})`,
        unchanged: row.policy && canonicalJson(next) === canonicalJson(current) ? 'Already has this policy.' : null,
        run: () => updatePolicy(actor, { model, policy: action.policy, expectedUpdatedAt: savedAt }),
        after: (answer) => policySummary((answer as { policy: Policy }).policy),
      };
    }
    case 'change-owner': {
      const row = await modelOrThrow(model, { owner: { select: { email: true } } });
      return {
        before: row.owner.email,
        unchanged: row.owner.email.toLowerCase() === action.owner.toLowerCase() ? `Already owned by ${row.owner.email}.` : null,
        run: () => setModelOwner(actor, { model, owner: action.owner }),
        after: (answer) => (answer as { owner: string }).owner,
        changed: (answer) => (answer as { changed: boolean }).changed,
      };
    }
  }
}

async function modelTagPlan(actor: Actor, action: Extract<ResolvedAction, { type: 'add-tag' | 'remove-tag' }>, model: string): Promise<ItemPlan> {
  const { tags } = await modelOrThrow(model, { tags: true });
  if (action.type === 'add-tag') {
    const encoded = encodeModelTag(action.key, action.value);
    return {
      before: tagsText(tags),
      unchanged: modelTagPresent(tags, encoded) ? `Already tagged ${encoded}.` : null,
      run: () => setModelTag(actor, { model, key: action.key, value: action.value }),
      after: (answer) => tagsText((answer as { tags: string[] }).tags),
    };
  }
  const after = withoutTagKey(tags, action.key);
  return {
    before: tagsText(tags),
    unchanged: after.length === tags.length ? `Has no tag ${action.key}.` : null,
    run: () => deleteModelTag(actor, { model, key: action.key }),
    after: () => tagsText(after),
    changed: (answer) => (answer as { deleted: boolean }).deleted,
  };
}

async function versionTagPlan(actor: Actor, action: Extract<ResolvedAction, { type: 'add-tag' | 'remove-tag' }>, model: string, number: number): Promise<ItemPlan> {
  const found = await versionOrThrow(model, number);
  const tag = await db.versionTag.findUnique({ where: { versionId_key: { versionId: found.id, key: action.key } }, select: { value: true } });
  const before = tag ? encodeModelTag(action.key, tag.value) : `(no tag ${action.key})`;
  if (action.type === 'add-tag') {
    return {
      before,
      unchanged: tag?.value === action.value ? `Already tagged ${encodeModelTag(action.key, action.value)}.` : null,
      run: () => setVersionTag(actor, { model, number, key: action.key, value: action.value }),
      after: () => encodeModelTag(action.key, action.value),
    };
  }
  return {
    before,
    unchanged: tag ? null : `Has no tag ${action.key}.`,
    run: () => deleteVersionTag(actor, { model, number, key: action.key }),
    after: () => `(no tag ${action.key})`,
    changed: (answer) => (answer as { deleted: boolean }).deleted,
  };
}

async function modelOrThrow<S extends { tags?: true; owner?: { select: { email: true } }; policy?: { select: { gates: true; updatedAt: true } } }>(name: string, select?: S) {
  const row = await db.registeredModel.findUnique({ where: { name }, select: { id: true, ...select } as { id: true } & S });
  if (!row) throw new RegistryError('NOT_FOUND', `No model named "${name}".`);
  return row;
}

async function versionOrThrow(model: string, number: number) {
  const row = await db.modelVersion.findFirst({ where: { model: { name: model }, number }, select: { id: true, stage: true } });
  if (!row) throw new RegistryError('NOT_FOUND', `${model} has no version ${number}.`);
  return row;
}
