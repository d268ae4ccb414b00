// A small HTTP client for the suite: never throws, so a test can count network failures like any answer.
import { createHash, randomUUID } from 'node:crypto';

export interface Answer {
  status: number; // 0: no answer (connection refused, reset, or timed out)
  body: { error?: { code?: string; message?: string } } & Record<string, unknown>;
  ms: number;
  failure?: string;
}

export async function call(
  base: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let body: Answer['body'] = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { raw: text.slice(0, 500) };
    }
    return { status: response.status, body, ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, body: {}, ms: performance.now() - started, failure: cause?.code ?? cause?.message ?? String(error) };
  }
}

/** A clean error: the server answered with the one JSON error shape and a 4xx/503, not a 500 or garbage. */
export function isCleanError(answer: Answer): boolean {
  return answer.status >= 400 && answer.status !== 500 && typeof answer.body.error?.code === 'string' && typeof answer.body.error.message === 'string';
}

const CARD = ['Intended use', 'Limitations', 'Evaluation data', 'Ethical considerations'].map((s) => `## ${s}\nFilled in.`).join('\n\n');

/** A version body with everything the default Production policy asks for. */
export function versionBody(overrides: Record<string, unknown> = {}) {
  const artifact = randomUUID();
  return {
    dataVersion: '2026-11',
    artifactUri: `s3://models/${artifact}`,
    // Unique per version: the API returns the existing version for an artifact digest it has seen.
    artifactDigest: `sha256:${createHash('sha256').update(artifact).digest('hex')}`,
    trainingDataHash: 'sha256:data',
    codeCommit: 'abc1234',
    modelCard: CARD,
    metrics: [
      { key: 'auc', value: 0.9 },
      { key: 'latency_p95_ms', value: 80 },
    ],
    ...overrides,
  };
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}
