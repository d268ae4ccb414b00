// Cross-site requests against the MLflow API. A browser that once had HTTP Basic credentials for this
// host (a 401 with a Basic challenge made it prompt for them) attaches them by itself to any request
// here, including a form another site's page submits: `<form enctype="text/plain" method="post">` can
// carry a JSON-looking body, and needs no preflight. Such requests must change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { as, mlflowUser, send, type MlflowUser } from './mlflow-client';
import { seedUser, uniqueName } from '../fixtures';

let admin: Actor;
let scientist: MlflowUser;
let model: string;

beforeAll(async () => {
  admin = await seedUser({ role: 'admin' });
  scientist = await mlflowUser(admin, 'scientist');
  model = uniqueName('csrf');
  await as(scientist.bearer).post('registered-models/create', { name: model });
});

/** What a browser sends for another site's form or fetch, with the credentials it cached for us. */
const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', host: 'modelgate.test' };
const modelExists = async (name: string) => (await db.registeredModel.count({ where: { name } })) > 0;

describe('a cross-site form with cached Basic credentials', () => {
  it('cannot create a model with a text/plain body that looks like JSON', async () => {
    const name = uniqueName('csrf-forged');
    // <form enctype="text/plain"><input name='{"name":"…","x":"' value='"}'></form> sends exactly this.
    const forged = await send('POST registered-models/create', {}, scientist.basic, { headers: { ...crossSite, 'content-type': 'text/plain' }, rawBody: `{"name":"${name}","x":"="}` });
    expect(forged.status).toBe(400);
    expect(forged.json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: "Bad Request. Content-Type must be one of ['application/json']." });
    expect(await modelExists(name)).toBe(false);
  });

  it('is refused for every content type a form or a no-cors fetch can send, and for none', async () => {
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await send('POST model-versions/transition-stage', {}, scientist.basic, { headers: { ...crossSite, 'content-type': type }, rawBody: `{"name":"${model}","version":"1","stage":"Archived"}` });
      expect(reply, type).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    }
    const bodyless = await send('POST registered-models/create', {}, scientist.basic, { headers: { ...crossSite, 'content-type': null }, rawBody: null });
    expect(bodyless.json).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: 'Bad Request. Content-Type header is missing.' });
  });

  it('is refused even as JSON: Basic credentials do not act for another site', async () => {
    const name = uniqueName('csrf-json');
    const reply = await send('POST registered-models/create', { name }, scientist.basic, { headers: crossSite });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ error_code: 'PERMISSION_DENIED', message: expect.stringContaining('Cross-site request refused') });
    expect(await modelExists(name)).toBe(false);
    const sameSite = await send('POST registered-models/create', { name }, scientist.basic, { headers: { 'sec-fetch-site': 'same-site' } });
    expect(sameSite.status).toBe(403);
    const foreignOrigin = await send('POST registered-models/create', { name }, scientist.basic, { headers: { origin: 'https://evil.example', host: 'modelgate.test' } });
    expect(foreignOrigin.status).toBe(403);
    expect(await modelExists(name)).toBe(false);
  });

  it('cannot read through Basic either (a cross-site navigation or image)', async () => {
    const reply = await send('GET registered-models/get', { name: model }, scientist.basic, { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } });
    expect(reply.json.error_code).toBe('PERMISSION_DENIED');
  });
});

describe('what stays allowed', () => {
  it('programs: Basic and bearer with no browser headers, JSON bodies', async () => {
    expect((await send('GET registered-models/get', { name: model }, scientist.basic)).status).toBe(200);
    const name = uniqueName('csrf-ok');
    expect((await send('POST registered-models/create', { name }, scientist.basic)).status).toBe(200);
    expect((await send('POST registered-models/set-tag', { name, key: 'k', value: 'v' }, scientist.bearer, { headers: { 'content-type': 'application/json; charset=utf-8' } })).status).toBe(200);
  });

  it('a page of this very origin, and a user typing the address', async () => {
    expect((await send('GET registered-models/get', { name: model }, scientist.basic, { headers: { origin: 'http://modelgate.test', host: 'modelgate.test', 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect((await send('GET registered-models/get', { name: model }, scientist.basic, { headers: { 'sec-fetch-site': 'none' } })).status).toBe(200);
  });

  it('a bearer token, which no browser attaches by itself', async () => {
    expect((await send('GET registered-models/get', { name: model }, scientist.bearer, { headers: crossSite })).status).toBe(200);
  });

  it('PATCH and DELETE without a body need no Content-Type (MLflow 3 deletes webhooks so)', async () => {
    const reply = await send('DELETE registered-models/delete-tag', {}, scientist.bearer, { headers: { 'content-type': null }, rawBody: null });
    // Reaches the handler: the refusal is about the missing name, not the transport.
    expect(reply.json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining("'name'") });
  });
});

describe('the 401 challenge', () => {
  it('never asks a browser for Basic credentials', async () => {
    const reply = await send('GET registered-models/get', { name: model });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="modelgate"');
  });
});
