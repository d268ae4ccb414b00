import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { revokeApiToken } from '@/lib/services/revoke-api-token';
import * as createModelRoute from '@/app/api/2.0/mlflow/registered-models/create/route';
import { as, basicAuth, mlflowUser, send, type MlflowUser } from './mlflow-client';
import { makeActor, uniqueName } from './fixtures';

let admin: Actor;
let scientist: MlflowUser;
let model: string;

beforeAll(async () => {
  admin = await makeActor('admin');
  scientist = await mlflowUser(admin, 'scientist');
  model = uniqueName('auth');
  await as(scientist.bearer).post('registered-models/create', { name: model });
});

const getModel = (authorization?: string) => send('GET registered-models/get', { name: model }, authorization);

describe('MLflow client authentication', () => {
  it('accepts MLFLOW_TRACKING_TOKEN as a bearer token', async () => {
    expect((await getModel(scientist.bearer)).status).toBe(200);
  });

  it('accepts MLFLOW_TRACKING_USERNAME/PASSWORD as HTTP Basic with the email and password', async () => {
    expect((await getModel(scientist.basic)).status).toBe(200);
    expect((await getModel(basicAuth(scientist.email.toUpperCase(), scientist.password))).status).toBe(200);
  });

  it('accepts an API token as the Basic password, for the token owner only', async () => {
    expect((await getModel(basicAuth(scientist.email, scientist.token))).status).toBe(200);
    const other = await makeActor('viewer');
    const wrongOwner = await getModel(basicAuth(other.label, scientist.token));
    expect(wrongOwner.status).toBe(401);
  });

  it('answers UNAUTHENTICATED (401) with a Bearer challenge (never Basic, see mlflow-csrf) when credentials are missing or wrong', async () => {
    const none = await getModel();
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error_code: 'UNAUTHENTICATED', message: expect.stringContaining('MLFLOW_TRACKING_TOKEN') });
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="modelgate"');
    expect((await getModel('Bearer mgt_not-a-token')).json.error_code).toBe('UNAUTHENTICATED');
    expect((await getModel(basicAuth(scientist.email, 'wrong-password'))).json).toEqual({ error_code: 'UNAUTHENTICATED', message: 'Invalid username or password.' });
    expect((await getModel(basicAuth('nobody@example.com', 'x'))).status).toBe(401);
    expect((await getModel('Token abc')).status).toBe(401);
    expect((await getModel(`Basic ${Buffer.from('no-colon').toString('base64')}`)).status).toBe(401);
  });

  it('refuses revoked tokens and disabled users', async () => {
    const user = await mlflowUser(admin, 'viewer');
    const record = await db.apiToken.findFirstOrThrow({ where: { ownerId: user.actor.id! } });
    await revokeApiToken(admin, { tokenId: record.id });
    expect((await getModel(user.bearer)).status).toBe(401);
    await db.user.update({ where: { id: user.actor.id! }, data: { disabled: true } });
    expect((await getModel(user.basic)).status).toBe(401);
  });

  it('rate-limits password guessing like the sign-in form', async () => {
    const user = await mlflowUser(admin, 'viewer');
    for (let i = 0; i < 10; i++) expect((await getModel(basicAuth(user.email, `guess-${i}`))).status).toBe(401);
    const limited = await getModel(user.basic);
    expect(limited.json).toEqual({ error_code: 'UNAUTHENTICATED', message: 'Too many failed sign-ins. Wait 15 minutes, or use an API token.' });
    expect((await getModel(user.bearer)).status).toBe(200);
  });

  it('applies per-model grants to password sign-ins', async () => {
    const viewer = await mlflowUser(admin, 'viewer');
    const { id } = await db.registeredModel.findUniqueOrThrow({ where: { name: model } });
    expect((await as(viewer.basic).post('model-versions/create', { name: model, source: 's3://x' })).json.error_code).toBe('PERMISSION_DENIED');
    await db.modelGrant.create({ data: { userId: viewer.actor.id!, modelId: id, role: 'scientist' } });
    expect((await as(viewer.basic).post('model-versions/create', { name: model, source: 's3://x' })).status).toBe(200);
  });
});

describe('transport details', () => {
  it('answers ENDPOINT_NOT_FOUND for endpoints Modelgate does not serve', async () => {
    const unknown = await send('GET unknown', {}, scientist.bearer);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error_code).toBe('ENDPOINT_NOT_FOUND');
  });

  const post = (body: string) =>
    createModelRoute.POST(new NextRequest('http://modelgate.test/api/2.0/mlflow/registered-models/create', { method: 'POST', headers: { authorization: scientist.bearer, 'content-type': 'application/json' }, body }));

  it('answers BAD_REQUEST for a body that is not JSON, and reads double-encoded JSON as MLflow does', async () => {
    const broken = await post('{"name": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error_code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
    const name = uniqueName('auth');
    const doubled = await post(JSON.stringify(JSON.stringify({ name })));
    expect(doubled.status).toBe(200);
    expect((await doubled.json()).registered_model.name).toBe(name);
  });

  it('answers INVALID_PARAMETER_VALUE for fields of the wrong type', async () => {
    const wrong = await post(JSON.stringify({ name: ['a'] }));
    expect(await wrong.json()).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: `Invalid value ["a"] for parameter 'name' supplied. See the API docs for more information about request parameters.` });
  });
});
