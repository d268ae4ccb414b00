import { db } from '@/lib/db/prisma';
import { assertAllowed, canOn, countOutcomes, ownershipRefusal, parsePolicy, PORTFOLIO_PERMISSIONS, RegistryError, type PortfolioCounts, type PortfolioItemResult } from '@/lib/registry';
import { ZPortfolioPreviewBody, type PortfolioAction, type PortfolioPreviewBody } from '@/lib/validations/portfolio';
import type { Actor } from './actor';
import { portfolioStep, type ResolvedAction } from './internal/portfolio-step';
import { resolvePortfolioTargets, type PortfolioTarget } from './internal/portfolio-targets';
import { ZTagKey } from './set-model-tag';

export interface PortfolioPreview {
  total: number;
  counts: PortfolioCounts;
  items: PortfolioItemResult[];
}

/**
 * What a bulk action would do, item by item: each item goes through its one-item service in a
 * transaction that is rolled back at the end (every check and write, its audit row, the database's own
 * guards), so the preview says exactly what applying would do now. Nothing is written.
 */
export async function previewPortfolio(actor: Actor, raw: PortfolioPreviewBody, visible: readonly string[] | null): Promise<PortfolioPreview> {
  const input = ZPortfolioPreviewBody.parse(raw);
  const { action, targets } = await preparePortfolio(actor, input.selection, input.action, visible);
  const items: PortfolioItemResult[] = [];
  for (const target of targets) items.push((await portfolioStep(actor, action, target, { dryRun: true })).result);
  return { total: items.length, counts: countOutcomes(items), items };
}

/**
 * What preview and apply share: input checks that concern the whole request (a 400 once, rather than
 * the same refusal on every item), the action with its policy resolved, and the items.
 */
export async function preparePortfolio(actor: Actor, selection: PortfolioPreviewBody['selection'], raw: PortfolioAction, visible: readonly string[] | null): Promise<{ action: ResolvedAction; targets: PortfolioTarget[] }> {
  const action = await resolveAction(actor, raw);
  const permission = PORTFOLIO_PERMISSIONS[action.type];
  const targets = await resolvePortfolioTargets(selection, action.type, {
    visible,
    reachable: (model) => canOn(actor, permission, { model }),
  });
  return { action, targets };
}

async function resolveAction(actor: Actor, action: PortfolioAction): Promise<ResolvedAction> {
  switch (action.type) {
    case 'add-tag':
    case 'remove-tag':
      ZTagKey.parse(action.key);
      return action;
    case 'change-owner': {
      const owner = await db.user.findFirst({ where: { email: { equals: action.owner.trim(), mode: 'insensitive' } }, select: { email: true, disabled: true } });
      if (!owner) throw new RegistryError('INVALID_ARGUMENT', `No user with the email ${action.owner}.`, { code: 'UNKNOWN_OWNER' });
      const refusal = ownershipRefusal(owner);
      if (refusal) throw new RegistryError('INVALID_ARGUMENT', refusal, { code: 'OWNER_DISABLED' });
      return { ...action, owner: owner.email };
    }
    case 'apply-policy': {
      if (action.policy) return { type: 'apply-policy', policy: action.policy };
      // Copying a policy reads it, which is the policy editor's right.
      assertAllowed(actor, 'policies.manage', 'global');
      const source = await db.registeredModel.findUnique({ where: { name: action.fromModel! }, select: { policy: { select: { gates: true } } } });
      if (!source) throw new RegistryError('INVALID_ARGUMENT', `No model named "${action.fromModel}" to copy the policy from.`, { code: 'UNKNOWN_SOURCE' });
      return { type: 'apply-policy', policy: parsePolicy(source.policy?.gates ?? undefined) };
    }
    case 'archive':
      return action;
  }
}
