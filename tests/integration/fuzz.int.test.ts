// Property-based: whatever a client sends to a mutating endpoint, the answer is never a 5xx, and every
// error is JSON with a machine-readable code. SQL-looking text is stored and returned verbatim.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as modelsRoute from '@/app/api/v1/models/route';
import * as versionsRoute from '@/app/api/v1/models/[name]/versions/route';
import * as versionRoute from '@/app/api/v1/models/[name]/versions/[number]/route';
import * as promoteRoute from '@/app/api/v1/models/[name]/versions/[number]/promote/route';
import * as archiveRoute from '@/app/api/v1/models/[name]/versions/[number]/archive/route';
import * as requestRoute from '@/app/api/v1/models/[name]/versions/[number]/promotion-requests/route';
import * as rollbackRoute from '@/app/api/v1/models/[name]/rollback/route';
import * as trafficRoute from '@/app/api/v1/models/[name]/traffic/route';
import * as healthRoute from '@/app/api/v1/models/[name]/health/route';
import * as rejectRoute from '@/app/api/v1/promotion-requests/[id]/reject/route';
import * as usersRoute from '@/app/api/admin/users/route';
import * as tokensRoute from '@/app/api/admin/tokens/route';
import * as policiesRoute from '@/app/api/admin/policies/[model]/route';
import * as webhooksRoute from '@/app/api/admin/webhooks/route';
import { createApiToken } from '@/lib/services/create-api-token';
import { call } from './api-client';
import { makeActor, makeModel, register } from './fixtures';

let token = '';
let model = '';
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

beforeAll(async () => {
  const admin = await makeActor('admin');
  token = (await createApiToken(admin, { name: 'fuzz', role: 'admin' })).token;
  model = (await makeModel(admin)).name;
  await register(admin, model);
});

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom("'; DROP TABLE model_version; --", '<script>alert(1)</script>', '\u0000', '../../etc/passwd', '%s%n', '{{7*7}}', 'ﬀ𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '9'.repeat(400)),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('name', 'dataVersion', 'artifactUri', 'artifactDigest', 'metrics', 'semver', 'reason', 'comment', 'routes', 'role', 'email', 'policy', 'url', 'healthy', 'expectedStage', 'version', 'weight'), fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }))),
);

const targets = (): { name: string; handler: unknown; params: Record<string, string> }[] => [
  { name: 'POST v1/models', handler: modelsRoute.POST, params: {} },
  { name: 'POST v1/models/:name/versions', handler: versionsRoute.POST, params: { name: model } },
  { name: 'POST v1/…/promote', handler: promoteRoute.POST, params: { name: model, number: '1' } },
  { name: 'POST v1/…/archive', handler: archiveRoute.POST, params: { name: model, number: '1' } },
  { name: 'POST v1/…/promotion-requests', handler: requestRoute.POST, params: { name: model, number: '1' } },
  { name: 'POST v1/…/rollback', handler: rollbackRoute.POST, params: { name: model } },
  { name: 'PUT v1/…/traffic', handler: trafficRoute.PUT, params: { name: model } },
  { name: 'POST v1/…/health', handler: healthRoute.POST, params: { name: model } },
  { name: 'POST v1/promotion-requests/:id/reject', handler: rejectRoute.POST, params: { id: 'x' } },
  { name: 'POST admin/users', handler: usersRoute.POST, params: {} },
  { name: 'POST admin/tokens', handler: tokensRoute.POST, params: {} },
  { name: 'PUT admin/policies/:model', handler: policiesRoute.PUT, params: { model } },
  { name: 'POST admin/webhooks', handler: webhooksRoute.POST, params: {} },
];

describe('fuzzed request bodies', () => {
  it('never produce a 5xx, and every error is JSON with a code', async () => {
    for (const target of targets()) {
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const method = target.name.split(' ')[0]!;
          const { status, json } = await call(target.handler as never, { method, token, params: target.params, body: payload });
          expect(status, `${target.name} with ${JSON.stringify(payload).slice(0, 200)}`).toBeLessThan(500);
          if (status >= 400) expect(json, target.name).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        }),
        { numRuns: RUNS },
      );
    }
  }, 300_000);

  it('answers malformed JSON and path parameters with 4xx', async () => {
    for (const raw of ['{', '[1,', '"unterminated', 'null', '1e999999', '{"a":' + '['.repeat(5000)]) {
      const { status } = await call(versionsRoute.POST as never, { method: 'POST', token, params: { name: model }, rawBody: raw });
      expect(status, raw.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    for (const number of ['-1', '0', '1.5', '99999999999999999999', 'abc', "1' OR '1'='1"]) {
      const { status } = await call(versionRoute.GET as never, { token, params: { name: model, number } });
      expect([400, 404], number).toContain(status);
    }
  });

  it('stores SQL-looking text verbatim and returns it unchanged', async () => {
    const description = "Robert'); DROP TABLE model_version;-- \\x00 <b>bold</b> 💥";
    const created = await call(versionsRoute.POST as never, { method: 'POST', token, params: { name: model }, body: { dataVersion: "d'; --", artifactUri: 's3://x/"; DELETE FROM metric; --', description, tags: { note: "v' OR 1=1; --" } } });
    expect(created.status).toBe(201);
    const { number } = created.json as { number: number };
    const read = await call(versionRoute.GET as never, { token, params: { name: model, number: String(number) } });
    expect(read.json).toMatchObject({ description, dataVersion: "d'; --", artifactUri: 's3://x/"; DELETE FROM metric; --', tags: { note: "v' OR 1=1; --" } });
  });
});
