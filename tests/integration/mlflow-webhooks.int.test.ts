// MLflow 3's webhooks API (mlflow/protos/webhooks.proto), with requests shaped as MLflow 3.6's
// RestStore sends them (create/update: a JSON body with enums by name; list: GET with max_results and
// page_token in the query; get/delete: no body at all), and deliveries checked the way MLflow's
// receivers check them (mlflow/webhooks/delivery.py: X-MLflow-Signature over "<id>.<timestamp>.<body>").
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { deliverDue } from '@/lib/webhooks/dispatcher';
import { deleteMlflowWebhook } from '@/lib/mlflow/webhooks/delete-webhook';
import * as hooksRoute from '@/app/api/2.0/mlflow/webhooks/route';
import * as hookRoute from '@/app/api/2.0/mlflow/webhooks/[id]/route';
import * as testRoute from '@/app/api/2.0/mlflow/webhooks/[id]/test/route';
import { as, mlflowUser, type MlflowUser, type Reply } from './mlflow-client';
import { makeActor, uniqueName } from './fixtures';

let admin: Actor;
let mlAdmin: MlflowUser, scientist: MlflowUser, scopedAdmin: MlflowUser;
let receiver: Server;
let receiverUrl = '';
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
let answerStatus = 200;
// The receiver listens on loopback, which webhooks refuse unless the operator allows it (lib/webhooks/destination.ts).
process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the list route takes no params, the others an id
type Handler = (req: NextRequest, context?: { params: Promise<any> }) => Promise<Response>;

/** One call as MLflow 3's client makes it: GET parameters in the query, other methods JSON (or no body). */
async function call(handler: Handler, method: string, options: { id?: string; body?: unknown; query?: Record<string, string>; authorization?: string } = {}): Promise<Reply> {
  const url = new URL(`http://modelgate.test/api/2.0/mlflow/webhooks${options.id ? `/${options.id}` : ''}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers({ 'user-agent': 'mlflow-python-client/3.6.0', 'x-mlflow-client-version': '3.6.0', authorization: options.authorization ?? mlAdmin.bearer });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const response = await handler(new NextRequest(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }), options.id ? { params: Promise.resolve({ id: options.id }) } : undefined);
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

const create = (body: Record<string, unknown>, authorization?: string) => call(hooksRoute.POST, 'POST', { body, authorization });

/** MLflow's own verification, as a receiver written for MLflow does it. */
function mlflowVerifies(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const expected = `v1,${createHmac('sha256', secret).update(`${headers['x-mlflow-delivery-id']}.${headers['x-mlflow-timestamp']}.${body}`).digest('base64')}`;
  return headers['x-mlflow-signature'] === expected;
}

beforeAll(async () => {
  admin = await makeActor('admin');
  [mlAdmin, scientist] = await Promise.all([mlflowUser(admin, 'admin'), mlflowUser(admin, 'scientist')]);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(answerStatus, { 'content-type': 'text/plain' }).end(answerStatus < 400 ? 'thanks' : 'nope');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const model = uniqueName('hooks-scope');
  await as(scientist.bearer).post('registered-models/create', { name: model });
  scopedAdmin = await mlflowUser(admin, 'admin', { model });
});

afterAll(async () => {
  // Hooks left active would queue a delivery for every later registration in the run, to a receiver
  // that is gone, and crowd other files' deliveries out of the dispatcher's batches.
  const left = await db.webhook.findMany({ where: { format: 'mlflow', active: true, createdById: mlAdmin.actor.id }, select: { id: true } });
  for (const hook of left) await deleteMlflowWebhook(mlAdmin.actor, hook.id);
  await new Promise((resolve) => receiver.close(resolve));
});

/** Delivers what is due, to our receiver only (other files' hooks may have deliveries queued too). */
async function deliver(): Promise<void> {
  await deliverDue({ fetchImpl: (url, init) => (String(url).startsWith(receiverUrl) ? fetch(url, init) : Promise.resolve(new Response('', { status: 200 }))) });
}

describe('creating, reading and listing webhooks', () => {
  it('creates a hook as MLflow 3 sends it and answers with MLflow’s Webhook message, without the secret', async () => {
    const created = await create({
      name: 'ci-registrations',
      url: `${receiverUrl}/ci`,
      events: [
        { entity: 'MODEL_VERSION', action: 'CREATED' },
        { entity: 'MODEL_VERSION_ALIAS', action: 'CREATED' },
      ],
      description: 'Build on every new version',
      secret: 'mlflow-secret',
      status: 'ACTIVE',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.webhook).toEqual({
      webhook_id: expect.any(String),
      name: 'ci-registrations',
      description: 'Build on every new version',
      url: `${receiverUrl}/ci`,
      events: [
        { entity: 'MODEL_VERSION', action: 'CREATED' },
        { entity: 'MODEL_VERSION_ALIAS', action: 'CREATED' },
      ],
      status: 'ACTIVE',
      creation_timestamp: expect.any(Number),
      last_updated_timestamp: expect.any(Number),
    });
    const id = created.json.webhook.webhook_id as string;
    expect((await call(hookRoute.GET, 'GET', { id })).json.webhook).toEqual(created.json.webhook);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'webhook.created', data: { path: ['webhookId'], equals: id } } });
    expect(audit.data).toMatchObject({ name: 'ci-registrations', format: 'mlflow', signed: true });
    expect(JSON.stringify(audit.data)).not.toContain('mlflow-secret');
  });

  it('lists newest first and pages with next_page_token', async () => {
    const names = ['page-a', 'page-b', 'page-c'];
    for (const name of names) await create({ name, url: `${receiverUrl}/${name}`, events: [{ entity: 'REGISTERED_MODEL', action: 'CREATED' }] });
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await call(hooksRoute.GET, 'GET', { query: { max_results: '2', ...(token ? { page_token: token } : {}) } });
      expect(page.status).toBe(200);
      seen.push(...(page.json.webhooks ?? []).map((w: { name: string }) => w.name));
      token = page.json.next_page_token;
    } while (token);
    expect(seen.slice(0, 3)).toEqual(['page-c', 'page-b', 'page-a']);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await call(hooksRoute.GET, 'GET', { query: { max_results: '1001' } })).json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: 'max_results must be between 1 and 1000.' });
  });

  it('refuses what MLflow refuses, and what Modelgate does not deliver, with MLflow errors', async () => {
    const hook = { name: 'bad', url: `${receiverUrl}/x`, events: [{ entity: 'MODEL_VERSION', action: 'CREATED' }] };
    expect((await create({ ...hook, events: [{ entity: 'MODEL_VERSION', action: 'DELETED' }] })).json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: "Invalid action 'deleted' for entity 'model_version'. Valid actions are: ['created']" });
    expect((await create({ ...hook, name: '-starts-with-dash' })).json.message).toContain("Webhook name '-starts-with-dash' is invalid");
    expect((await create({ ...hook, url: 'ftp://example.com/x' })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await create({ ...hook, events: [] })).json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await create({ name: 'no-url', events: hook.events })).json.message).toBe("Missing value for required parameter 'url'. See the API docs for more information about request parameters.");
    const prompt = await create({ ...hook, events: [{ entity: 'PROMPT', action: 'CREATED' }] });
    expect(prompt.json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining("Webhook event 'prompt.created' is not available: Modelgate keeps prompts as registered models") });
    expect((await call(hookRoute.GET, 'GET', { id: 'no-such-hook' })).json).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Webhook with ID no-such-hook not found.' });
  });

  it('is for admins only: scientists and model-restricted admin tokens are refused, nothing is created', async () => {
    const before = await db.webhook.count();
    const hook = { name: 'sneaky', url: `${receiverUrl}/s`, events: [{ entity: 'MODEL_VERSION', action: 'CREATED' }] };
    expect((await create(hook, scientist.bearer)).json.error_code).toBe('PERMISSION_DENIED');
    expect((await create(hook, scopedAdmin.bearer)).json).toMatchObject({ error_code: 'PERMISSION_DENIED', message: expect.stringContaining('webhooks see every model') });
    expect((await call(hooksRoute.GET, 'GET', { authorization: scientist.bearer })).json.error_code).toBe('PERMISSION_DENIED');
    expect(await db.webhook.count()).toBe(before);
  });
});

describe('deliveries in MLflow’s format', () => {
  it('sends model_version.created with MLflow’s payload and a signature MLflow receivers verify', async () => {
    const name = uniqueName('hooked');
    await create({ name: 'versions', url: `${receiverUrl}/versions`, events: [{ entity: 'MODEL_VERSION', action: 'CREATED' }, { entity: 'MODEL_VERSION_TAG', action: 'SET' }], secret: 'shh' });
    await as(scientist.bearer).post('registered-models/create', { name });
    await as(scientist.bearer).post('model-versions/create', { name, source: 's3://b/1', run_id: 'run-7', description: 'first', tags: [{ key: 'team', value: 'risk' }] });
    await as(scientist.bearer).post('model-versions/set-tag', { name, version: '1', key: 'validated', value: 'yes' });
    received.length = 0;
    await deliver();
    const mine = received.filter((r) => r.path === '/versions');
    expect(mine.map((r) => JSON.parse(r.body).entity + '.' + JSON.parse(r.body).action)).toEqual(['model_version.created', 'model_version_tag.set']);
    const [createdDelivery, tagDelivery] = mine.map((r) => JSON.parse(r.body));
    expect(createdDelivery).toEqual({ entity: 'model_version', action: 'created', timestamp: expect.any(String), data: { name, version: '1', source: 's3://b/1', run_id: 'run-7', tags: { team: 'risk' }, description: 'first' } });
    expect(tagDelivery.data).toEqual({ name, version: '1', key: 'validated', value: 'yes' });
    for (const r of mine) {
      expect(r.headers['x-mlflow-delivery-id']).toEqual(expect.any(String));
      expect(Math.abs(Number(r.headers['x-mlflow-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(mlflowVerifies('shh', r.headers, r.body)).toBe(true);
      expect(r.headers['x-modelgate-signature']).toBeUndefined();
    }
  });

  it('sends nothing to a DISABLED hook, resumes when ACTIVE again, and stops for good once deleted', async () => {
    const created = await create({ name: 'aliases', url: `${receiverUrl}/aliases`, events: [{ entity: 'MODEL_VERSION_ALIAS', action: 'CREATED' }] });
    const id = created.json.webhook.webhook_id as string;
    const disabled = await call(hookRoute.PATCH, 'PATCH', { id, body: { status: 'DISABLED', events: [{ entity: 'MODEL_VERSION_ALIAS', action: 'CREATED' }, { entity: 'MODEL_VERSION_ALIAS', action: 'DELETED' }] } });
    expect(disabled.json.webhook).toMatchObject({ status: 'DISABLED', events: [{ entity: 'MODEL_VERSION_ALIAS', action: 'CREATED' }, { entity: 'MODEL_VERSION_ALIAS', action: 'DELETED' }] });
    const name = uniqueName('hooked');
    await as(scientist.bearer).post('registered-models/create', { name });
    await as(scientist.bearer).post('model-versions/create', { name, source: 's3://b/1' });
    await as(scientist.bearer).post('registered-models/alias', { name, alias: 'candidate', version: '1' });
    received.length = 0;
    await deliver();
    expect(received.filter((r) => r.path === '/aliases')).toHaveLength(0);
    await call(hookRoute.PATCH, 'PATCH', { id, body: { status: 'ACTIVE' } });
    await as(scientist.bearer).delete('registered-models/alias', { name, alias: 'candidate' });
    await deliver();
    const sent = received.filter((r) => r.path === '/aliases').map((r) => JSON.parse(r.body));
    expect(sent).toEqual([{ entity: 'model_version_alias', action: 'deleted', timestamp: expect.any(String), data: { name, alias: 'candidate' } }]);
    expect(sent[0] && received.find((r) => r.path === '/aliases')?.headers['x-mlflow-signature']).toBeUndefined(); // no secret: unsigned, as MLflow
    // DELETE as MLflow 3 sends it: no body, no Content-Type.
    expect((await call(hookRoute.DELETE, 'DELETE', { id })).status).toBe(200);
    expect((await call(hookRoute.GET, 'GET', { id })).json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await call(hookRoute.DELETE, 'DELETE', { id })).json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const actions = await db.auditEvent.findMany({ where: { action: { in: ['webhook.created', 'webhook.updated', 'webhook.deleted'] }, data: { path: ['webhookId'], equals: id } }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.updated', 'webhook.deleted']);
  });
});

describe('POST webhooks/{id}/test', () => {
  it('sends the example payload of the first event (or the one asked for) and reports what the receiver answered', async () => {
    const created = await create({ name: 'tested', url: `${receiverUrl}/tested`, events: [{ entity: 'REGISTERED_MODEL', action: 'CREATED' }], secret: 'k' });
    const id = created.json.webhook.webhook_id as string;
    received.length = 0;
    answerStatus = 200;
    const ok = await call(testRoute.POST, 'POST', { id, body: {} });
    expect(ok.json).toEqual({ result: { success: true, response_status: 200, response_body: 'thanks' } });
    expect(JSON.parse(received[0]!.body)).toMatchObject({ entity: 'registered_model', action: 'created', data: { name: 'example_model', tags: { example_key: 'example_value' }, description: 'An example registered model' } });
    expect(mlflowVerifies('k', received[0]!.headers, received[0]!.body)).toBe(true);
    answerStatus = 500;
    const failing = await call(testRoute.POST, 'POST', { id, body: { event: { entity: 'MODEL_VERSION_TAG', action: 'DELETED' } } });
    expect(failing.json).toEqual({ result: { success: false, response_status: 500, response_body: 'nope' } });
    expect(JSON.parse(received[1]!.body).data).toEqual({ name: 'example_model', version: '1', key: 'example_key' });
    answerStatus = 200;
    await call(hookRoute.PATCH, 'PATCH', { id, body: { url: 'http://127.0.0.1:9/closed' } });
    const unreachable = await call(testRoute.POST, 'POST', { id, body: {} });
    expect(unreachable.json.result).toMatchObject({ success: false, error_message: expect.stringContaining('Failed to test webhook') });
  });
});
