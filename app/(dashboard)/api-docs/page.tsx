import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { requireUser } from '@/lib/auth/current-user';
import { buildOpenApiDocument } from '@/lib/http/openapi';
import { OPERATIONS } from '@/app/api/openapi.json/operations';
import { Badge } from '@/components/ui/badge';
import { InlineCode } from '@/components/ui/inline-code';

export const metadata: Metadata = { title: 'API' };

const METHOD_TONE = { get: 'blue', post: 'emerald', put: 'amber', delete: 'red', patch: 'amber' } as const;

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string } }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

/** A readable page over /api/openapi.json: every endpoint, its parameters and its body schema. */
export default async function ApiDocsPage() {
  await requireUser();
  const host = (await headers()).get('host') ?? 'localhost:3000';
  const origin = `http://${host}`;
  const doc = buildOpenApiDocument(origin, OPERATIONS);
  const paths = Object.entries(doc.paths ?? {}) as [string, Record<string, Operation>][];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">API</h1>
        <p className="mt-1 max-w-3xl text-sm text-ink-muted">
          {doc.info.description && <InlineCode text={doc.info.description} />} The machine-readable description is at{' '}
          <a href="/api/openapi.json" className="font-mono text-accent-text hover:underline">
            /api/openapi.json
          </a>{' '}
          (OpenAPI 3.1). MLflow clients can use <span className="font-mono">/api/2.0/mlflow/…</span> unchanged.
        </p>
        <pre className="mt-3 overflow-x-auto rounded-md bg-surface-muted p-3 text-xs">{`curl -H "Authorization: Bearer $MODELGATE_TOKEN" ${origin}/api/v1/models/fraud-detector/resolve?stage=production`}</pre>
      </header>
      <ul className="space-y-3">
        {paths.flatMap(([path, item]) =>
          Object.entries(item).map(([method, op]) => (
            <li key={`${method} ${path}`} className="rounded-lg border border-line bg-surface p-4">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={METHOD_TONE[method as keyof typeof METHOD_TONE] ?? 'neutral'} className="uppercase">
                  {method}
                </Badge>
                <code className="min-w-0 font-mono text-sm wrap-anywhere">{path}</code>
                <span className="text-sm text-ink-muted">{op.summary && <InlineCode text={op.summary} />}</span>
              </p>
              {op.description && (
                <p className="mt-2 text-sm text-ink-muted">
                  <InlineCode text={op.description} />
                </p>
              )}
              {op.parameters && op.parameters.length > 0 && (
                <p className="mt-2 text-xs text-ink-muted">
                  Parameters:{' '}
                  {op.parameters.map((p) => (
                    <code key={`${p.in}-${p.name}`} className="mr-2 font-mono text-ink">
                      {p.name}
                      <span className="text-ink-faint"> ({p.in}{p.required ? ', required' : ''})</span>
                    </code>
                  ))}
                </p>
              )}
              {op.requestBody?.content?.['application/json']?.schema !== undefined && (
                <details className="mt-2 text-xs">
                  <summary className="cursor-pointer text-ink-muted hover:text-ink">Request body schema</summary>
                  <pre className="mt-1 max-h-80 overflow-auto rounded bg-surface-muted p-2">{JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}</pre>
                </details>
              )}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
