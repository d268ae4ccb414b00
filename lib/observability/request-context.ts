import type pino from 'pino';
import { logger } from './logger';

/**
 * The logger for one request: its lines carry the request's id. The id travels with the call (the wrapper in
 * lib/http/observe.ts hands it to the handler it wraps), not in an AsyncLocalStorage or a table beside the request:
 * on a fast-path answer, entering a storage or filling a WeakMap for every request cost more than the metric
 * (docs/benchmarks.md, "Observability cost").
 */
export function log(requestId: string | undefined): pino.Logger {
  return requestId ? logger.child({ reqId: requestId }) : logger;
}
