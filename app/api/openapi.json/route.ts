// GET /api/openapi.json – the OpenAPI 3.1 description of API v1, generated from the zod schemas
import { NextResponse, type NextRequest } from 'next/server';
import { buildOpenApiDocument } from '@/lib/api-v1/openapi';

export function GET(req: NextRequest) {
  return NextResponse.json(buildOpenApiDocument(req.nextUrl.origin));
}
