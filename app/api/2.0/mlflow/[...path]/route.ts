// ANY /api/2.0/mlflow/<unknown> – MLflow's ENDPOINT_NOT_FOUND, which its clients read as "try the next endpoint"
import type { NextRequest } from 'next/server';
import { mlflowErrorResponse } from '@/lib/mlflow/handler';

function notFound(req: NextRequest): Response {
  return mlflowErrorResponse({ error_code: 'ENDPOINT_NOT_FOUND', message: `No MLflow endpoint ${req.method} ${req.nextUrl.pathname} here. Modelgate serves the model-registry API only.` });
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as DELETE, notFound as PUT };
