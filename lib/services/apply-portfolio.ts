import { db, type Tx } from '@/lib/db/prisma';
import { inTransaction } from '@/lib/db/transaction';
import { countOutcomes, RegistryError, type PortfolioItemResult, type PortfolioOutcome } from '@/lib/registry';
import { ZPortfolioApplyBody, type PortfolioApplyBody } from '@/lib/validations/portfolio';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';
import { toJson } from './internal/json';
import { portfolioStep, type ResolvedAction } from './internal/portfolio-step';
import { preparePortfolio } from './preview-portfolio';

const NOT_PREVIEWED = 'Not in the preview you confirmed: it entered the selection since. Preview again to include it.';
const LEFT_SELECTION = 'In the preview you confirmed, but no longer in the selection (renamed, deleted, moved or no longer matching). Preview again.';

/**
 * Stores a bulk operation: the action (with its policy resolved, so a re-run applies the same one) and one
 * pending row per item. With `expected` (the preview that was confirmed), items the preview did not list,
 * and previewed items that left the selection, are refused here; the others are re-checked one by one when
 * applied. A retry with the same Idempotency-Key answers the operation it started.
 */
export async function startPortfolioOperation(
  actor: Actor,
  raw: PortfolioApplyBody,
  visible: readonly string[] | null,
  options: { idempotencyKey?: string } = {},
): Promise<{ id: string; replayed: boolean }> {
  const input = ZPortfolioApplyBody.parse(raw);
  const key = actor.id ? options.idempotencyKey : undefined;
  if (key) {
    const existing = await db.portfolioOperation.findUnique({ where: { actorId_idempotencyKey: { actorId: actor.id!, idempotencyKey: key } }, select: { id: true } });
    if (existing) return { id: existing.id, replayed: true };
  }
  const { action, targets } = await preparePortfolio(actor, input.selection, input.action, visible);
  const expected = input.expected;
  const listed = new Set(targets.map((t) => t.key));
  const rows = targets.map((t) => {
    const previewed = expected ? expected[t.key] : undefined;
    const refusedNow = expected !== undefined && previewed === undefined;
    return { key: t.key, modelName: t.model, versionNumber: t.version, expected: previewed ?? null, ...(refusedNow ? refusedRow(NOT_PREVIEWED) : {}) };
  });
  for (const gone of Object.keys(expected ?? {}).filter((k) => !listed.has(k))) {
    const [model, version] = splitKey(gone);
    rows.push({ key: gone, modelName: model, versionNumber: version, expected: expected![gone]!, ...refusedRow(LEFT_SELECTION) });
  }
  const operation = await db.portfolioOperation.create({
    data: {
      actorId: actor.id,
      actorLabel: actor.label,
      idempotencyKey: key ?? null,
      action: toJson(action),
      selection: toJson(input.selection),
      items: { create: rows.map((row, seq) => ({ seq, ...row })) },
    },
    select: { id: true },
  });
  return { id: operation.id, replayed: false };
}

/**
 * Applies the pending items of an operation, one at a time, each through its one-item service in that
 * service's own transaction, which also writes the item's outcome: a refusal leaves the others as they
 * are, and a crash leaves every item either applied and recorded or still pending. Finishes with one
 * `portfolio.applied` event holding the counts.
 */
export async function runPortfolioOperation(actor: Actor, id: string): Promise<void> {
  const operation = await db.portfolioOperation.findUnique({ where: { id }, select: { action: true, status: true } });
  if (!operation) throw new RegistryError('NOT_FOUND', `No portfolio operation ${id}.`);
  if (operation.status === 'done') return;
  const action = operation.action as unknown as ResolvedAction;
  const pending = await db.portfolioItem.findMany({ where: { operationId: id, outcome: 'pending' }, orderBy: { seq: 'asc' } });
  for (const item of pending) {
    // Writing the outcome claims the item: only while it is still pending. Two runs of one operation (a retry
    // resuming it while the first still runs) therefore never apply an item twice: the second one's claim
    // finds it taken, which rolls its service transaction back, change and audit event with it.
    const write = (tx: Tx | typeof db, result: PortfolioItemResult) =>
      tx.portfolioItem.updateMany({
        where: { operationId: id, seq: item.seq, outcome: 'pending' },
        data: { outcome: result.outcome, code: result.code, reason: result.reason, before: result.before, after: result.after, events: result.events, doneAt: clock.now() },
      });
    const claim = async (tx: Tx, result: PortfolioItemResult) => {
      if ((await write(tx, result)).count !== 1) throw new RegistryError('CONFLICT', 'Another run of this operation applied this item.');
    };
    const { result, recorded } = await portfolioStep(actor, action, { key: item.key, model: item.modelName, version: item.versionNumber }, { dryRun: false, expected: item.expected ?? undefined, record: claim });
    if (!recorded) await write(db, result);
  }
  await inTransaction(async (tx) => {
    const done = await tx.portfolioOperation.updateMany({ where: { id, status: 'running' }, data: { status: 'done', finishedAt: clock.now() } });
    if (done.count !== 1) return;
    const counts = countOutcomes((await tx.portfolioItem.findMany({ where: { operationId: id }, select: { outcome: true } })) as { outcome: PortfolioOutcome }[]);
    await recordAudit(tx, actor, { action: 'portfolio.applied', data: { operation: id, type: action.type, changed: counts.changed, unchanged: counts.unchanged, refused: counts.refused } });
  });
}

function refusedRow(reason: string) {
  return { outcome: 'refused', code: 'CONFLICT', reason, doneAt: clock.now() };
}

function splitKey(key: string): [string, number | null] {
  const match = /^(.*)\/v(\d+)$/.exec(key);
  return match ? [match[1]!, Number(match[2])] : [key, null];
}
