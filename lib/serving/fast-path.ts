import 'server-only';
import type { NextRequest } from 'next/server';
import { MAX_BODY_BYTES } from '@/lib/http/body';
import { registerGauge } from '@/lib/observability/metrics';

// The hot API calls — the serving reads (resolve, route) and registration (REST v1 and MLflow's create) —
// answered by `npm start`'s worker (scripts/lib/next-worker.mjs) before Next.js's router: Next's per-request work
// is most of a cached answer's cost and a third of a registration's. There is no second copy of any rule here: a
// route file offers its own exported handler — contract, token and scope check, parsing, body limit, idempotency,
// audit, observability, all of it (lib/http/route.ts, lib/mlflow/handler.ts) — and the worker calls that very
// function with the request it would have reached through Next. Until Next has loaded a route once, the worker
// sends it to Next.

// Any route's handler, whatever its params' type (the worker passes the params Next would: never checked here).
type RouteHandler = (req: NextRequest, context: { params: Promise<never> }) => Promise<Response>;

/** The routes the worker may answer itself: method, then the path with `:name` for one dynamic segment. */
export type FastRoute =
  | 'GET /api/v1/models/:name/resolve'
  | 'GET /api/v1/models/:name/route'
  | 'POST /api/v1/models/:name/versions'
  | 'POST /api/2.0/mlflow/model-versions/create'
  | 'POST /api/2.0/mlflow/registered-models/create';

/** A request the worker matched to an offered route. */
export interface FastMatch {
  /**
   * The most body bytes the route's own reader accepts (lib/http/body.ts, which the MLflow reader shares). The
   * worker reads a body only when its declared Content-Length is within this, and leaves any other to Next —
   * so it never buffers more than the route would, and the route's own 413 is sent by the route, through Next.
   */
  maxBodyBytes: number;
  /** Calls the offered handler with Next's own context shape (the path's params as a promise; {} for a static path). */
  serve: (req: NextRequest) => Promise<Response>;
}

interface FastPath {
  /** The offered route for this method and raw (still percent-encoded) path, or null: Next answers it. */
  match: (method: string, rawPath: string) => FastMatch | null;
}

interface Offered {
  method: string;
  /** The template's segments; ':name' stands for one segment, decoded as Next decodes a [name] param. */
  segments: string[];
  handler: RouteHandler;
}

const KEY = Symbol.for('modelgate.fastPath');
const globalForFastPath = globalThis as unknown as { [KEY]?: FastPath & { offered: Map<FastRoute, Offered>; answered: number } };

function matchSegments(segments: string[], raw: string[]): Record<string, string> | null {
  if (segments.length !== raw.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.startsWith(':')) {
      if (raw[i] === '') return null;
      // Not valid percent-encoding: Next's to answer (it throws), not ours.
      try {
        params[segment.slice(1)] = decodeURIComponent(raw[i]!);
      } catch {
        return null;
      }
    } else if (segment !== raw[i]) return null;
  }
  return params;
}

function create() {
  const offered = new Map<FastRoute, Offered>();
  const state = {
    offered,
    answered: 0,
    match(method: string, rawPath: string): FastMatch | null {
      const raw = rawPath.split('/');
      for (const route of offered.values()) {
        if (route.method !== method) continue;
        const params = matchSegments(route.segments, raw);
        if (!params) continue;
        return {
          maxBodyBytes: MAX_BODY_BYTES,
          serve: (req) => {
            state.answered += 1;
            return route.handler(req, { params: Promise.resolve(params) as Promise<never> });
          },
        };
      }
      return null;
    },
  };
  registerGauge('fast_path_answers', () => state.answered);
  return state;
}

/** Offers a route file's handler to the worker's fast path (the route file's one line: `offerToFastPath('GET /api/v1/models/:name/resolve', GET)`). */
export function offerToFastPath(route: FastRoute, handler: RouteHandler): void {
  const [method, path] = route.split(' ') as [string, string];
  (globalForFastPath[KEY] ??= create()).offered.set(route, { method, segments: path.split('/'), handler });
}
