import { AsyncLocalStorage } from 'node:async_hooks';
import type pino from 'pino';
import { logger } from './logger';

// The request being served, so a log line written deep in a service carries its request id.
const globalForContext = globalThis as unknown as { modelgateRequestContext?: AsyncLocalStorage<{ requestId: string }> };
export const requestContext = (globalForContext.modelgateRequestContext ??= new AsyncLocalStorage<{ requestId: string }>());

/** The logger for the current request (with its id), or the process logger outside one. */
export function log(): pino.Logger {
  const store = requestContext.getStore();
  return store ? logger.child({ reqId: store.requestId }) : logger;
}
