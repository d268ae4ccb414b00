// GET /api/openapi.json – the OpenAPI 3.1 description of the API, generated from the route contracts
import { z } from 'zod';
import { buildOpenApiDocument } from '@/lib/http/openapi';
import { publicRoute } from '@/lib/http/route';
import { OPERATIONS } from './operations';

export const GET = publicRoute({
  summary: 'This API description (OpenAPI 3.1), generated from the route contracts',
  response: z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document' }),
  handler: ({ req }) => buildOpenApiDocument(req.nextUrl.origin, OPERATIONS) as unknown as Record<string, unknown>,
});
