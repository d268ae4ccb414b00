import 'server-only';
import type { NextRequest } from 'next/server';
import { logger } from '@/lib/observability/logger';
import { observeRequest } from '@/lib/observability/metrics';
import { requestContext } from '@/lib/observability/request-context';
import { requestIdFrom } from '@/lib/observability/request-id';

type Handler = (req: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>;
type MaybeContext = { params?: Promise<unknown> } | undefined;

/**
 * Every contract route, measured and logged: a request id (the caller's X-Request-Id when it is one,
 * else a new one) in the X-Request-Id answer header and on every log line written meanwhile; one access
 * log line; one latency observation labelled with the route's template, never the raw URL.
 */
export function observed(endpoint: { summary: string }, handler: Handler): Handler {
  // For the benchmark's with/without comparison only: no request id, no metric, no access log.
  if (process.env.MODELGATE_OBSERVE === 'off') return handler;
  return async (req, context) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers);
    const response = await requestContext.run({ requestId }, () => handler(req, context));
    const seconds = (performance.now() - started) / 1000;
    const route = await templateOf(endpoint, req, context);
    try {
      response.headers.set('X-Request-Id', requestId);
    } catch {
      // Immutable headers (a fetched Response passed through): the id is still in the log.
    }
    observeRequest(req.method, route, response.status, seconds);
    if (logger.isLevelEnabled('info')) logger.info({ reqId: requestId, method: req.method, route, status: response.status, ms: Math.round(seconds * 10_000) / 10 }, 'request');
    return response;
  };
}

const templates = new WeakMap<object, string>();

/**
 * The route's path template (/api/v1/models/[name]/resolve), from the first request's path with each
 * parameter's value put back as its name. Kept per endpoint, so the metric's labels are one per route
 * whatever the URLs; a path the parameters do not account for is labelled by the endpoint's summary.
 */
async function templateOf(endpoint: { summary: string }, req: NextRequest, context: MaybeContext): Promise<string> {
  const known = templates.get(endpoint);
  if (known) return known;
  // Next.js passes no params (undefined) to routes without dynamic segments.
  const given = await Promise.resolve(context?.params).catch(() => ({}));
  const params = Object.entries((given ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
  let replaced = 0;
  const segments = req.nextUrl.pathname.split('/').map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // Not valid percent-encoding: compared as it is.
    }
    const param = params.find(([, value]) => value === decoded);
    if (!param) return segment;
    replaced += 1;
    return `[${param[0]}]`;
  });
  const template = replaced === params.length ? segments.join('/') : endpoint.summary;
  templates.set(endpoint, template);
  return template;
}
