import 'server-only';
import type { NextRequest } from 'next/server';
import type pino from 'pino';
import { logger } from '@/lib/observability/logger';
import { observeRequest } from '@/lib/observability/metrics';
import { requestIdFrom } from '@/lib/observability/request-id';

/** What a wrapped handler is called with: Next's context, and the id of the request (for its log lines). */
export interface ObservedContext {
  params: Promise<unknown>;
  /** Absent only when observability is off (MODELGATE_OBSERVE=off, for the benchmark's comparison). */
  requestId?: string;
}

type Handler = (req: NextRequest, context: ObservedContext) => Promise<Response>;

/**
 * Every contract route, measured and logged: a request id (the caller's X-Request-Id when it is one,
 * else a new one) in the X-Request-Id answer header and on every log line written for the request (the handler is
 * given it); one access log line (at the contract's `accessLog` level when it succeeds); one latency observation
 * labelled with the route's template, never the raw URL.
 */
export function observed(endpoint: { summary: string; accessLog?: 'info' | 'debug' }, handler: Handler): Handler {
  // For the benchmark's with/without comparison only: no request id, no metric, no access log.
  if (process.env.MODELGATE_OBSERVE === 'off') return handler;
  const switchable = process.env.MODELGATE_OBSERVE === 'switchable';
  let template: string | undefined;
  // The access line per method, its fixed fields (method, route) serialised once by pino as a child's bindings.
  const accessLog = new Map<string, pino.Logger>();
  return async (req, context) => {
    if (switchable && switchedOff()) return handler(req, context);
    const started = performance.now();
    const requestId = requestIdFrom(req.headers);
    const response = await handler(req, { params: context?.params, requestId });
    const seconds = (performance.now() - started) / 1000;
    const route = template ?? (template = await templateOf(endpoint, req, context));
    try {
      response.headers.set('X-Request-Id', requestId);
    } catch {
      // Immutable headers (a fetched Response passed through): the id is still in the log.
    }
    observeRequest(req.method, route, response.status, seconds);
    const level = response.status < 400 ? (endpoint.accessLog ?? 'info') : 'info';
    if (logger.isLevelEnabled(level)) {
      let line = accessLog.get(req.method);
      if (!line) accessLog.set(req.method, (line = logger.child({ method: req.method, route })));
      line[level]({ reqId: requestId, status: response.status, ms: Math.round(seconds * 10_000) / 10 }, 'request');
    }
    return response;
  };
}

// MODELGATE_OBSERVE=switchable (the benchmark's, never an operator's): observability on, and `npm start`'s worker
// turns it off and on again when its parent asks (scripts/lib/next-worker.mjs), so its cost is measured within one
// process — two processes started alike differ by several per cent, more than the cost itself.
const SWITCHED_OFF = Symbol.for('modelgate.observabilitySwitchedOff');
const switchedOff = () => (globalThis as { [SWITCHED_OFF]?: boolean })[SWITCHED_OFF] === true;

/**
 * The route's path template (/api/v1/models/[name]/resolve), from the first request's path with each
 * parameter's value put back as its name, so the metric's labels are one per route whatever the URLs; a path the
 * parameters do not account for is labelled by the endpoint's summary.
 */
async function templateOf(endpoint: { summary: string }, req: NextRequest, context: ObservedContext | undefined): Promise<string> {
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
  return replaced === params.length ? segments.join('/') : endpoint.summary;
}
