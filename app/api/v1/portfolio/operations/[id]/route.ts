// GET /api/v1/portfolio/operations/:id – one bulk operation: its status, counts and every item's outcome
import { ZPortfolioOperation } from '@/lib/api-v1/schemas/portfolio';
import { route } from '@/lib/http/route';
import { portfolioOperationFor } from '@/lib/db/queries/portfolio-operation';
import { ZPortfolioOperationParams } from '@/lib/validations/portfolio';

export const GET = route({
  summary: 'A bulk operation with every item\'s outcome (yours, or any for an admin)',
  permission: 'registry.read',
  scope: 'list',
  params: ZPortfolioOperationParams,
  response: ZPortfolioOperation,
  handler: ({ actor, params }) => portfolioOperationFor(actor, { id: params.id }),
});
