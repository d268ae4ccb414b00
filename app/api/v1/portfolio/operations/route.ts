// POST /api/v1/portfolio/operations – apply a bulk action, each item in its own transaction with its audit event;
// GET /api/v1/portfolio/operations?idempotencyKey= – your recent operations (or the one started with that key), with progress
import { z } from 'zod';
import { ZPortfolioOperation } from '@/lib/api-v1/schemas/portfolio';
import { reply } from '@/lib/http/contract';
import { route } from '@/lib/http/route';
import { portfolioOperationFor, recentPortfolioOperations } from '@/lib/db/queries/portfolio-operation';
import { runPortfolioOperation, startPortfolioOperation } from '@/lib/services/apply-portfolio';
import { ZIdempotencyHeaders } from '@/lib/validations/api-v1';
import { ZPortfolioApplyBody, ZPortfolioOperationsQuery } from '@/lib/validations/portfolio';

export const POST = route({
  summary: 'Apply a bulk action across models (portfolio bulk update)',
  description:
    'Same selection and action as the preview. Each item goes through its one-item service in its own transaction, with that service\'s audit event and the item\'s ' +
    'recorded outcome: a refusal never undoes the others. With `expected` (item key → the "before" the preview showed), an item that changed since, or that the preview ' +
    'did not list, is refused with CONFLICT instead of applied. The request answers when every item is done (201); meanwhile GET ?idempotencyKey= shows its progress. ' +
    'A retry with the same Idempotency-Key answers the same operation (200, Idempotent-Replayed: true) instead of applying twice, ' +
    'and finishes its pending items if a crash interrupted it. ' +
    'Results: GET /api/v1/portfolio/operations/{id}/result?format=csv|json.',
  permission: 'registry.read',
  scope: 'list',
  headers: ZIdempotencyHeaders,
  body: ZPortfolioApplyBody,
  response: ZPortfolioOperation,
  status: 201,
  otherResponses: { 200: { description: 'A retry with the same Idempotency-Key: the operation it started', schema: ZPortfolioOperation } },
  handler: async ({ actor, body, headers, visibleModels }) => {
    const { id, replayed } = await startPortfolioOperation(actor, body, visibleModels, { idempotencyKey: headers['idempotency-key'] });
    // A retry resumes an operation that a crash or a dropped connection left with pending items (a finished
    // one is answered as it is); items are claimed one by one, so none is applied twice.
    await runPortfolioOperation(actor, id);
    const operation = await portfolioOperationFor(actor, { id });
    return replayed ? reply(operation, { status: 200, headers: { 'Idempotent-Replayed': 'true' } }) : operation;
  },
});

const ZOperationSummary = ZPortfolioOperation.omit({ items: true }).meta({ id: 'PortfolioOperationSummary' });

export const GET = route({
  summary: 'Your recent bulk operations with their progress (or the one started with an Idempotency-Key)',
  permission: 'registry.read',
  scope: 'list',
  query: ZPortfolioOperationsQuery,
  response: z.object({ operations: z.array(ZOperationSummary) }),
  handler: async ({ actor, query }) => ({ operations: await recentPortfolioOperations(actor, query) }),
});
