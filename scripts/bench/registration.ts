// Registration side by side: Modelgate's REST v1 and MLflow-compatible API, plain `pg` inserts and (with
// `--peer mlflow`) the real MLflow server, driven by the same load driver with the same number of calls per round,
// in rounds that alternate their order; each figure is the median of the rounds.
import pg from 'pg';
import { median } from './http';

export const CALLS_PER_ROUND = 300;
export const ROUNDS = 3;
export const CONCURRENCIES = [1, 4] as const;

export interface Target {
  key: string;
  label: string;
  /** Runs `calls` registrations at concurrency `c`; returns what happened. */
  run: (c: number, calls: number, round: number) => Promise<Sample>;
}

export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  failures?: Record<string, number>;
}

export interface Summary extends Sample {
  rounds: Sample[];
}

let seq = 0;
const unique = () => `${process.pid}-${++seq}`;

/**
 * An HTTP target: `connections` callers, each sending its next call when the last one answered, until
 * `calls` were sent; each call's body made fresh (a new artifact each time). Node's fetch (undici) keeps
 * connections alive and opens a new one when the server closes its own, as gunicorn's sync workers (MLflow's
 * server) do after every answer — autocannon reuses such a connection and counts ECONNRESET instead.
 */
export function httpTarget(key: string, label: string, url: string, headers: Record<string, string>, body: () => object): Target {
  return {
    key,
    label,
    run: async (connections, calls) => {
      const times: number[] = [];
      const failures: Record<string, number> = {};
      let sent = 0;
      let ok = 0;
      const t = performance.now();
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (sent < calls) {
            sent += 1;
            const started = performance.now();
            try {
              const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body()), signal: AbortSignal.timeout(30_000) });
              await r.arrayBuffer();
              if (r.ok) ok += 1;
              else failures[`HTTP ${r.status}`] = (failures[`HTTP ${r.status}`] ?? 0) + 1;
            } catch (error) {
              const code = ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name) || 'error';
              failures[code] = (failures[code] ?? 0) + 1;
            }
            times.push(performance.now() - started);
          }
        }),
      );
      const seconds = (performance.now() - t) / 1000;
      times.sort((a, b) => a - b);
      const errors = Object.values(failures).reduce((a, b) => a + b, 0);
      return { rps: ok / seconds, p50: median(times), p99: times[Math.floor(times.length * 0.99)] ?? NaN, errors, failures };
    },
  };
}

export const restBody = () => {
  const n = unique();
  return { dataVersion: 'd', artifactUri: `s3://b/rest-${n}`, artifactDigest: `sha256:${Buffer.from(n).toString('hex').padStart(64, '0')}`, metrics: [{ key: 'auc', value: 0.9 }] };
};
export const mlflowBody = (name: string) => () => ({ name, source: `s3://b/mlflow-${unique()}` });

/** Plain `pg`: a version row and an audit row in one transaction each — the database's own limit here. */
export function pgTarget(url: string): Target {
  return {
    key: 'pg',
    label: 'plain pg (version + audit row, one transaction)',
    run: async (connections, calls, round) => {
      const pool = new pg.Pool({ connectionString: url, max: connections });
      const times: number[] = [];
      let n = 0;
      const t = performance.now();
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (n < calls) {
            const i = ++n;
            const started = performance.now();
            const client = await pool.connect();
            try {
              const number = 1_000_000 + round * 100_000 + connections * 10_000 + i;
              await client.query('BEGIN');
              await client.query(`INSERT INTO model_version (id, model_id, number, semver, major, minor, patch, data_version, artifact_uri) VALUES ($1, 'bm-2', $2, $3, 9, $4, $5, 'd', 'u')`, [`pg-${number}`, number, `9.${round * 10 + connections}.${number}`, round * 10 + connections, number]);
              await client.query(`INSERT INTO audit_event (actor_label, action, model_id, model_name) VALUES ('bench', 'version.registered', 'bm-2', 'bench-model-2')`);
              await client.query('COMMIT');
            } finally {
              client.release();
            }
            times.push(performance.now() - started);
          }
        }),
      );
      const seconds = (performance.now() - t) / 1000;
      await pool.end();
      times.sort((a, b) => a - b);
      return { rps: times.length / seconds, p50: median(times), p99: times[Math.floor(times.length * 0.99)] ?? NaN, errors: 0 };
    },
  };
}

/** Every target at every concurrency, ROUNDS times; the order of the targets turns each round. */
export async function runRounds(targets: Target[], log: (line: string) => void): Promise<Map<string, Summary>> {
  // Warm-up: the JIT, the connection pools and the first-call paths, outside any measurement.
  for (const target of targets) await target.run(2, 30, 0);
  const samples = new Map<string, Sample[]>();
  for (let round = 1; round <= ROUNDS; round++) {
    const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]!);
    for (const c of CONCURRENCIES) {
      for (const target of order) {
        const s = await target.run(c, CALLS_PER_ROUND, round);
        const key = `${target.key}@${c}`;
        samples.set(key, [...(samples.get(key) ?? []), s]);
        const why = Object.entries(s.failures ?? {}).map(([k, n]) => `${k} ×${n}`).join(', ');
        log(`    round ${round}, c=${c}, ${target.label}: ${Math.round(s.rps)} req/s, p50 ${s.p50.toFixed(1)} ms, errors ${s.errors}${why ? ` (${why})` : ''}`);
      }
    }
  }
  const out = new Map<string, Summary>();
  for (const [key, rounds] of samples) {
    out.set(key, {
      rps: median(rounds.map((r) => r.rps)),
      p50: median(rounds.map((r) => r.p50)),
      p99: median(rounds.map((r) => r.p99)),
      errors: rounds.reduce((sum, r) => sum + r.errors, 0),
      rounds,
    });
  }
  return out;
}
