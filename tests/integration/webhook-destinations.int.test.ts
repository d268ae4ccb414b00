// Webhooks leave from inside the network: a URL must not reach loopback, private, link-local or metadata
// addresses, neither when it is saved nor when a delivery connects (after DNS, so rebinding a name does not
// get around it), and a redirect is never followed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as webhooksRoute from '@/app/api/admin/webhooks/route';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { createApiToken } from '@/lib/services/create-api-token';
import { createWebhook } from '@/lib/services/create-webhook';
import { deleteWebhook } from '@/lib/services/delete-webhook';
import { moveVersion } from '@/lib/services/move-version';
import { deliverDue } from '@/lib/webhooks/dispatcher';
import { call } from './api-client';
import { makeActor, makeModel, register } from './fixtures';

let receiver: Server;
let port = 0;
const hits: string[] = [];
let admin: Actor, scientist: Actor;
let adminToken = '';

beforeAll(async () => {
  [admin, scientist] = await Promise.all([makeActor('admin'), makeActor('scientist')]);
  adminToken = (await createApiToken(admin, { name: 'hooks', role: 'admin' })).token;
  receiver = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/redirect') res.writeHead(302, { location: `http://127.0.0.1:${port}/landed` }).end();
    else res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});

afterAll(async () => {
  delete process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS;
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(() => {
  delete process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS;
  hits.length = 0;
});

/** One version archived on a fresh model with a hook: one delivery due for the hook. */
async function oneDelivery(url: string) {
  const model = await makeModel(scientist);
  const hook = await db.webhook.create({ data: { url, secret: 'whsec_test', events: ['version.archived'], modelId: model.id, createdById: admin.id } });
  const v = await register(scientist, model.name);
  await moveVersion(scientist, 'archive', { model: model.name, number: v.number, comment: 'retire it' });
  for (let i = 0; i < 20 && (await deliverDue()).attempted > 0; i++);
  return db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
}

describe('webhook destinations', () => {
  it.each([
    ['http://127.0.0.1/hook', 'loopback'],
    ['http://localhost/hook', 'loopback'],
    ['http://[::1]/hook', 'loopback'],
    ['http://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['http://2130706433/hook', 'loopback'],
    ['http://10.1.2.3/hook', 'private'],
    ['http://192.168.0.10/hook', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'unique-local'],
    ['http://100.100.100.200/latest/meta-data/', 'carrier-grade NAT'],
    ['http://0.0.0.0/hook', 'unspecified'],
  ])('refuses %s when it is saved, with a 400 naming the reason', async (url, reason) => {
    const answer = await call(webhooksRoute.POST, { method: 'POST', token: adminToken, body: { url } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining(reason) } });
  });

  it('refuses credentials in the URL (admins and the audit log see it) and names that do not resolve', async () => {
    await expect(createWebhook(admin, { url: 'https://user:secret@hooks.example.com/x' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('user name or password') });
    await expect(createWebhook(admin, { url: 'https://no-such-host.invalid/x' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('does not resolve') });
  });

  it('accepts an internal receiver once the operator allows its network', async () => {
    process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS = '10.0.0.0/8, 127.0.0.1';
    const hook = await createWebhook(admin, { url: `http://127.0.0.1:${port}/hook` });
    await deleteWebhook(admin, { id: hook.id });
    await expect(createWebhook(admin, { url: 'http://192.168.0.10/hook' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('checks again when a delivery connects: a name that now resolves to loopback (DNS rebinding) gets nothing', async () => {
    // Saved while allowed (or while the name pointed elsewhere); by delivery time it is not.
    const delivery = await oneDelivery(`http://localhost:${port}/hook`);
    expect(hits).toEqual([]);
    expect(delivery).toMatchObject({ status: 'retrying', lastStatusCode: null, lastError: expect.stringContaining('localhost resolves to 127.0.0.1, a loopback address') });
  });

  it('checks an address written into the URL at delivery too', async () => {
    const delivery = await oneDelivery(`http://127.0.0.1:${port}/hook`);
    expect(hits).toEqual([]);
    expect(delivery.lastError).toContain('127.0.0.1 is a loopback address');
  });

  it('delivers to an allowed receiver, and does not follow its redirect', async () => {
    process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32';
    const delivered = await oneDelivery(`http://localhost:${port}/hook`);
    expect(delivered).toMatchObject({ status: 'delivered', lastStatusCode: 204 });
    hits.length = 0;
    const redirected = await oneDelivery(`http://127.0.0.1:${port}/redirect`);
    expect(hits).toEqual(['/redirect']);
    expect(redirected).toMatchObject({ status: 'retrying', lastStatusCode: 302, lastError: expect.stringContaining('redirects are not followed') });
  });
});
