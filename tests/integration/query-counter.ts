import pg from 'pg';

/**
 * Counts the statements sent to Postgres (every round trip through pg, BEGIN and COMMIT included) while
 * `fn` runs. Prisma's adapter and our own pg pools both go through pg.Client#query, so nothing escapes it.
 */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const statements: string[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    statements.push((text ?? '<submittable>').replace(/\s+/g, ' ').trim());
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, count: statements.length, statements };
  } finally {
    prototype.query = original;
  }
}
