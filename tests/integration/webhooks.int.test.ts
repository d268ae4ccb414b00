// Webhooks: written to the outbox with the event, delivered after commit, signed, retried, never lost.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { createWebhook } from '@/lib/services/create-webhook';
import { deleteWebhook } from '@/lib/services/delete-webhook';
import { moveVersion } from '@/lib/services/move-version';
import { backoffSeconds, deliverDue } from '@/lib/webhooks/dispatcher';
import { verify } from '@/lib/webhooks/signature';
import { register, seedModel, seedUser } from '../fixtures';

interface Received {
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

let server: Server;
let url = '';
const received: Received[] = [];
let failNext = 0;
let admin: Actor, scientist: Actor;

// The receiver listens on loopback, which webhooks refuse unless the operator allows it (see destination.ts).
process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32';

beforeAll(async () => {
  [admin, scientist] = await Promise.all([seedUser({ role: 'admin' }), seedUser({ role: 'scientist' })]);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push({ body, headers: req.headers });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Runs the dispatcher until nothing is due (as the background worker would, without waiting). */
async function drain() {
  for (let i = 0; i < 20; i++) if ((await deliverDue()).attempted === 0) return;
}

describe('webhooks', () => {
  it('deliver a signed POST per subscribed event, after the transaction commits', async () => {
    const model = await seedModel({ owner: scientist });
    const hook = await createWebhook(admin, { url, model: model.name, events: ['version.promoted', 'version.archived'] });
    const v = await register(scientist, model.name);
    await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    const outbox = await db.webhookDelivery.findMany({ where: { webhookId: hook.id } });
    expect(outbox.map((d) => [d.eventType, d.status])).toEqual([['version.promoted', 'pending']]);
    received.length = 0;
    await drain();
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(verify(hook.secret, delivery!.body, delivery!.headers['x-modelgate-signature'] as string)).toBe(true);
    expect(verify('wrong-secret', delivery!.body, delivery!.headers['x-modelgate-signature'] as string)).toBe(false);
    expect(JSON.parse(delivery!.body)).toMatchObject({ id: outbox[0]!.deliveryId, event: 'version.promoted', model: model.name, version: 1, fromStage: 'testing', toStage: 'staging', actor: scientist.label });
    expect(delivery!.headers['x-modelgate-delivery']).toBe(outbox[0]!.deliveryId);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } })).toMatchObject({ status: 'delivered', lastStatusCode: 204, attempts: 1 });
    await deleteWebhook(admin, { id: hook.id });
  });

  it('retries a failing receiver with backoff, and records every status code', async () => {
    expect([1, 2, 3, 10].map(backoffSeconds)).toEqual([10, 20, 40, 3600]);
    const model = await seedModel({ owner: scientist });
    const hook = await createWebhook(admin, { url, model: model.name, events: ['version.archived'] });
    const v = await register(scientist, model.name);
    await moveVersion(scientist, 'archive', { model: model.name, number: v.number, comment: 'retire it' });
    failNext = 1;
    received.length = 0;
    await deliverDue();
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(failed).toMatchObject({ status: 'retrying', lastStatusCode: 503, attempts: 1 });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
    // Time passes: make it due now rather than waiting ten seconds.
    await db.webhookDelivery.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date() } });
    await drain();
    expect(received).toHaveLength(1);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } })).toMatchObject({ status: 'delivered', attempts: 2 });
    await deleteWebhook(admin, { id: hook.id });
  });

  it('survive a crash: a delivery claimed by a process that died is delivered later with the same id', async () => {
    const model = await seedModel({ owner: scientist });
    const hook = await createWebhook(admin, { url, model: model.name, events: ['version.promoted'] });
    const v = await register(scientist, model.name);
    await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    // A dispatcher claims the delivery and dies before sending: it stays "sending" under a lease.
    const claimed = await db.webhookDelivery.updateManyAndReturn({ where: { webhookId: hook.id }, data: { status: 'sending', attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) } });
    received.length = 0;
    await drain();
    expect(received).toHaveLength(0);
    // The lease runs out; a fresh process (a new dispatcher call) picks it up.
    await db.webhookDelivery.update({ where: { id: claimed[0]!.id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    await drain();
    expect(received.map((r) => r.headers['x-modelgate-delivery'])).toEqual([claimed[0]!.deliveryId]);
    await deleteWebhook(admin, { id: hook.id });
  });

  it('of the chat kind post { text } (what Slack and Teams incoming webhooks accept), unsigned, with the version and its link', async () => {
    const model = await seedModel({ owner: scientist });
    const hook = await createWebhook(admin, { url, model: model.name, events: ['version.promoted'], format: 'chat' });
    expect(hook.format).toBe('chat');
    const v = await register(scientist, model.name);
    await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    received.length = 0;
    await drain();
    expect(received).toHaveLength(1);
    const body = JSON.parse(received[0]!.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text).toContain(`*${model.name}* v1 (Testing → Staging) by ${scientist.label}`);
    expect(body.text).toContain(`/models/${encodeURIComponent(model.name)}/versions/1`);
    expect(received[0]!.headers['x-modelgate-signature']).toBeUndefined();
    const created = await db.auditEvent.findFirstOrThrow({ where: { action: 'webhook.created', data: { path: ['webhookId'], equals: hook.id } } });
    expect(created.data).toMatchObject({ format: 'chat' });
    await deleteWebhook(admin, { id: hook.id });
  });

  it('of the chat kind obey the same address guard, and an unknown kind is refused', async () => {
    await expect(createWebhook(admin, { url: 'http://169.254.169.254/hooks', format: 'chat' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('link-local') });
    await expect(createWebhook(admin, { url, format: 'sms' as never })).rejects.toThrow();
  });

  it('are refused to non-admins, and reject a non-http URL', async () => {
    await expect(createWebhook(scientist, { url })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createWebhook(admin, { url: 'ftp://example.com/x' })).rejects.toThrow();
  });
});
