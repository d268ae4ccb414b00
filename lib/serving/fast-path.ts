import 'server-only';
import type { NextRequest } from 'next/server';
import { registerGauge } from '@/lib/observability/metrics';

// The serving reads (resolve, route) answered by `npm start`'s worker (scripts/lib/next-worker.mjs) before
// Next.js's router: Next's per-request work is most of a cached answer's cost. There is no second copy of any
// rule here: a route file offers its own exported GET — contract, token and scope check, parsing, ETag, body,
// observability, all of it (lib/http/route.ts) — and the worker calls that very function with the request
// it would have reached through Next. Until Next has loaded a route once, the worker sends it to Next.

type RouteHandler = (req: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>;
export type FastSegment = 'resolve' | 'route';

interface FastPath {
  /** The offered handler for /api/v1/models/:name/<segment>, called with Next's own params shape; null if none yet. */
  serve: (segment: FastSegment, req: NextRequest, params: { name: string }) => Promise<Response> | null;
}

const KEY = Symbol.for('modelgate.fastPath');
const globalForFastPath = globalThis as unknown as { [KEY]?: FastPath & { handlers: Map<FastSegment, RouteHandler>; answered: number } };

function create() {
  const handlers = new Map<FastSegment, RouteHandler>();
  const state = {
    handlers,
    answered: 0,
    serve(segment: FastSegment, req: NextRequest, params: { name: string }) {
      const handler = handlers.get(segment);
      if (!handler) return null;
      state.answered += 1;
      return handler(req, { params: Promise.resolve(params) });
    },
  };
  registerGauge('fast_path_answers', () => state.answered);
  return state;
}

/** Offers a route file's GET to the worker's fast path (the route file's one line: `offerToFastPath('resolve', GET)`). */
export function offerToFastPath(segment: FastSegment, handler: RouteHandler): void {
  (globalForFastPath[KEY] ??= create()).handlers.set(segment, handler);
}
