import pino from 'pino';

// Structured JSON logs, one object a line on stdout, for whatever collects them (journald, a log shipper).
// LOG_LEVEL sets the level (default info: one line per API request plus warnings and errors); tests are
// silent unless LOG_LEVEL says otherwise. One logger per process, on globalThis like the Prisma client.
const globalForLogger = globalThis as unknown as { modelgateLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLogger.modelgateLogger ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'modelgate', pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
}));
