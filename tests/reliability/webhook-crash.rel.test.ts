// The webhook outbox across a real crash: the sender is killed mid-delivery, another instance finishes.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { startApp, type AppInstance } from './app-instance';
import { createPeople, sql, type Person } from './bootstrap';
import { call, pool, versionBody } from './client';
import { SCALE } from './scale';

const databaseUrl = inject('databaseUrl');
// The receiver listens on loopback, which webhooks refuse unless the operator allows it.
const SENDER_ENV = { MODELGATE_WEBHOOKS: 'on', MODELGATE_WEBHOOK_INTERVAL_MS: '100', MODELGATE_WEBHOOK_LEASE_SECONDS: '4', MODELGATE_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' };

let api: AppInstance;
let sender: AppInstance | undefined;
let successor: AppInstance | undefined;
let people: Record<string, Person>;
let receiver: Server;

interface Receipt {
  deliveryId: string;
  version: number;
  signatureValid: boolean;
}
const receipts: Receipt[] = [];
let secret = '';
const holdNth = 5;
let onHold: () => void = () => {};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const body = await readBody(req);
    const payload = JSON.parse(body) as { id: string; version: number };
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    receipts.push({ deliveryId: String(req.headers['x-modelgate-delivery']), version: payload.version, signatureValid: signature === req.headers['x-modelgate-signature'] });
    if (receipts.length === holdNth) {
      // A receiver that is slow right when the sender dies: this delivery never gets its answer.
      onHold();
      return;
    }
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  api = await startApp('api', databaseUrl, { MODELGATE_WEBHOOK_ALLOWED_NETWORKS: SENDER_ENV.MODELGATE_WEBHOOK_ALLOWED_NETWORKS });
  people = await createPeople(databaseUrl, { scientist: 'scientist', admin: 'admin' });
}, 120_000);

afterAll(async () => {
  await Promise.all([api?.stop(), sender?.crash(), successor?.stop()]);
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

it(`${SCALE.webhookEvents} events delivered exactly once across a sender crash (a repeat only ever with the same delivery id)`, async () => {
  const token = people.scientist!.token;
  const model = `hooks-${randomUUID().slice(0, 8)}`;
  expect((await call(api.url, '/api/v1/models', { token, body: { name: model } })).status).toBe(201);
  const port = (receiver.address() as { port: number }).port;
  const hook = await call(api.url, '/api/admin/webhooks', { token: people.admin!.token, body: { url: `http://127.0.0.1:${port}/hook`, model, events: ['version.promoted'] } });
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  secret = String(hook.body.secret);

  const held = new Promise<void>((resolve) => (onHold = resolve));
  sender = await startApp('sender', databaseUrl, SENDER_ENV);
  await pool(
    4,
    Array.from({ length: SCALE.webhookEvents }, () => async () => {
      const registered = await call(api.url, `/api/v1/models/${model}/versions`, { token, body: versionBody() });
      const number = (registered.body as { number: number }).number;
      expect((await call(api.url, `/api/v1/models/${model}/versions/${number}/promote`, { token, body: {} })).status).toBe(200);
    }),
  );

  await held;
  await sender.crash();
  const heldDelivery = receipts[holdNth - 1]!.deliveryId;
  successor = await startApp('successor', databaseUrl, SENDER_ENV);

  const deadline = Date.now() + 60_000;
  let pending = Infinity;
  while (pending > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const [row] = await sql<{ pending: number }>(databaseUrl, `SELECT count(*)::int AS pending FROM webhook_delivery WHERE status <> 'delivered'`);
    pending = row!.pending;
  }
  expect(pending).toBe(0);

  const byDelivery = new Map<string, Set<number>>();
  for (const r of receipts) byDelivery.set(r.deliveryId, (byDelivery.get(r.deliveryId) ?? new Set()).add(r.version));
  const versions = [...byDelivery.values()].flatMap((set) => [...set]).sort((p, q) => p - q);
  console.log(`[webhooks] ${receipts.length} receipts for ${byDelivery.size} deliveries; repeated: ${receipts.length - byDelivery.size} (all with the delivery id they first had)`);
  // Exactly one delivery id per event, and each id always carried the same event.
  expect(versions).toEqual(Array.from({ length: SCALE.webhookEvents }, (_, i) => i + 1));
  expect([...byDelivery.values()].every((set) => set.size === 1)).toBe(true);
  // The delivery that was in flight when the sender died arrived again, under its first id.
  expect(receipts.filter((r) => r.deliveryId === heldDelivery).length).toBeGreaterThanOrEqual(2);
  expect(receipts.every((r) => r.signatureValid)).toBe(true);
});
