// Forged requests: the server refuses what the role cannot do, whatever the page shows.
import { expect, test } from '@playwright/test';
import { seedModel, seedPeople, seedProductionVersion, seedVersion, sessionFor, type People } from './fixtures';

// This spec's own model: v1 in Production, v2 in Staging, v3 in Testing. Every request below is refused.
let people: People;
let MODEL = '';
let PROMOTE = '';
let ROLLBACK = '';
let production = 0;
let staging = 0;
let testing = 0;

test.beforeAll(async () => {
  people = await seedPeople();
  const model = await seedModel();
  MODEL = model.name;
  production = (await seedProductionVersion(model)).number;
  staging = (await seedVersion(model, { stage: 'staging' })).number;
  testing = (await seedVersion(model)).number;
  PROMOTE = `/api/v1/models/${MODEL}/versions/${testing}/promote`;
  ROLLBACK = `/api/v1/models/${MODEL}/rollback`;
});

test('anonymous callers get 401 with a machine-readable code', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const response = await api.post(PROMOTE, { data: {} });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  await api.dispose();
});

test('a viewer is refused every mutation with 403', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, storageState: await sessionFor(people.viewer) });
  for (const [url, data] of [
    [PROMOTE, {}],
    [`/api/v1/models/${MODEL}/versions/${testing}/archive`, { reason: 'forged' }],
    [`/api/v1/models/${MODEL}/versions/${staging}/promotion-requests`, { comment: 'forged request' }],
    [ROLLBACK, { reason: 'forged rollback' }],
    [`/api/v1/models/${MODEL}/versions/${staging}/override`, { justification: 'forged override attempt' }],
  ] as const) {
    const response = await api.post(url, { data });
    expect(response.status(), url).toBe(403);
    expect((await response.json()).error.code).toBe('FORBIDDEN');
  }
  await api.dispose();
});

test('a scientist cannot roll back or override', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, storageState: await sessionFor(people.scientist) });
  expect((await api.post(ROLLBACK, { data: { reason: 'forged rollback' } })).status()).toBe(403);
  expect((await api.post(`/api/v1/models/${MODEL}/versions/${staging}/override`, { data: { justification: 'forged override attempt' } })).status()).toBe(403);
  await api.dispose();
});

test('bad input gets a 400 with the problem named, and nothing changes', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, storageState: await sessionFor(people.approver) });
  const noReason = await api.post(ROLLBACK, { data: {} });
  expect(noReason.status()).toBe(400);
  expect((await noReason.json()).error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('reason') });
  const notJson = await api.post(ROLLBACK, { headers: { 'content-type': 'application/json' }, data: '{oops' });
  expect(notJson.status()).toBe(400);
  const badNumber = await api.post(`/api/v1/models/${MODEL}/versions/abc/promote`, { data: {} });
  expect(badNumber.status()).toBe(400);
  const unknownModel = await api.post('/api/v1/models/nope/versions/1/promote', { data: {} });
  expect(unknownModel.status()).toBe(404);
  const board = await (await api.get(`/api/models/${MODEL}/board`)).json();
  expect(board.production.number).toBe(production);
  await api.dispose();
});

test('a cross-site POST with a valid session cookie is refused', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, storageState: await sessionFor(people.approver) });
  const response = await api.post(ROLLBACK, { headers: { origin: 'https://evil.example' }, data: { reason: 'csrf attempt' } });
  expect(response.status()).toBe(403);
  await api.dispose();
});

test('health answers ok with the database state', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
});
