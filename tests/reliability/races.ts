// Scenarios that more than one reliability test runs against its own app instances.
import { expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql, type Person } from './bootstrap';
import { call, pool, versionBody } from './client';

export async function createModel(base: string, token: string): Promise<string> {
  const name = `rel-${randomUUID().slice(0, 8)}`;
  const created = await call(base, '/api/v1/models', { token, body: { name, metrics: [{ key: 'auc', direction: 'higher', isPrimary: true }, { key: 'latency_p95_ms', direction: 'lower' }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return name;
}

/**
 * `count` Staging versions each with a Production request, then every request approved at once, spread
 * over `bases` and two approvers: exactly one wins, every other gets a clean 409, one deploy is audited.
 */
export async function raceApprovals(options: { bases: string[]; databaseUrl: string; scientist: Person; approvers: [Person, Person]; count: number }): Promise<void> {
  const { bases, scientist, approvers, count } = options;
  const base = (i: number) => bases[i % bases.length]!;
  const model = await createModel(bases[0]!, scientist.token);
  const requestIds = await pool(
    4,
    Array.from({ length: count }, (_, i) => async () => {
      const registered = await call(base(i), `/api/v1/models/${model}/versions`, { token: scientist.token, body: versionBody({ artifactUri: `s3://race/${i}` }) });
      const number = (registered.body as { number: number }).number;
      const promoted = await call(base(i + 1), `/api/v1/models/${model}/versions/${number}/promote`, { token: scientist.token, body: {} });
      expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
      const requested = await call(base(i), `/api/v1/models/${model}/versions/${number}/promotion-requests`, { token: scientist.token, body: { comment: 'race to production' } });
      expect(requested.status, JSON.stringify(requested.body)).toBe(201);
      return (requested.body as { request: { id: string } }).request.id;
    }),
  );

  const answers = await Promise.all(
    requestIds.map((id, i) => call(base(i + 1), `/api/v1/promotion-requests/${id}/approve`, { token: approvers[i % 4 < 2 ? 0 : 1].token, body: { comment: 'ok' } })),
  );
  const won = answers.filter((x) => x.status === 200);
  const lost = answers.filter((x) => x.status !== 200);
  expect(won).toHaveLength(1);
  // Every loser got a clean conflict, not a 500 or a dropped connection.
  expect(new Set(lost.map((x) => `${x.status} ${x.body.error?.code}`))).toEqual(new Set(['409 CONFLICT']));

  const stored = await sql<{ production: string; deployed: string; pending: string }>(
    options.databaseUrl,
    `SELECT (SELECT count(*) FROM model_version v JOIN registered_model m ON m.id = v.model_id WHERE m.name = $1 AND v.stage = 'production') AS production,
            (SELECT count(*) FROM audit_event WHERE model_name = $1 AND action = 'version.deployed') AS deployed,
            (SELECT count(*) FROM promotion_request r JOIN registered_model m ON m.id = r.model_id WHERE m.name = $1 AND r.status = 'pending') AS pending`,
    [model],
  );
  expect(stored[0]).toEqual({ production: '1', deployed: '1', pending: String(count - 1) });
}
