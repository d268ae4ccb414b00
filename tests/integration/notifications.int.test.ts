// Notifications end to end: a real SMTP server on loopback (smtp-server, started here), the services queue
// send_email jobs with their audit events, the job queue runs them, and the messages that arrive are read
// back with mailparser. Plus the preferences API (REST v1), its audit trail and its refusals.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as preferencesRoute from '@/app/api/v1/me/notification-preferences/route';
import * as requestRoute from '@/app/api/v1/models/[name]/versions/[number]/promotion-requests/route';
import * as approveRoute from '@/app/api/v1/promotion-requests/[id]/approve/route';
import { db } from '@/lib/db/prisma';
import type { Actor } from '@/lib/services/actor';
import { addComment } from '@/lib/services/add-comment';
import { clock } from '@/lib/services/clock';
import { editComment } from '@/lib/services/edit-comment';
import { removeGrant } from '@/lib/services/remove-grant';
import { requestProduction } from '@/lib/services/request-production';
import { setGrant } from '@/lib/services/set-grant';
import { updateUser } from '@/lib/services/update-user';
import { requestCanary } from '@/lib/services/request-canary';
import { decideRequest } from '@/lib/services/decide-request';
import { updatePolicy } from '@/lib/services/update-policy';
import { sendDueReminders } from '@/lib/notifications/reminders';
import { call } from './api-client';
import { runQueuedJobs as runAllQueuedJobs, seedModel, seedToken, seedUser, seedVersion } from '../fixtures';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

const inbox: Mail[] = [];
let smtp: SMTPServer;
const BASE = 'https://modelgate.test';

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to trust.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
          inbox.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  process.env.MODELGATE_SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MODELGATE_MAIL_FROM = 'Modelgate <modelgate@modelgate.test>';
  process.env.MODELGATE_PUBLIC_URL = BASE;
});

afterAll(async () => {
  delete process.env.MODELGATE_SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

// Only this feature's task: other test files share the database and its queue, and their jobs are theirs to run.
const runQueuedJobs = () => runAllQueuedJobs(['send_email']);
const mailTo = (user: Actor) => inbox.filter((m) => m.to.includes(user.label));
const queuedKeys = async (prefix: string) =>
  (await db.$queryRaw<{ key: string }[]>`SELECT payload->>'key' AS key FROM graphile_worker._private_jobs WHERE payload->>'key' LIKE ${`${prefix}%`}`).map((r) => r.key);
const putPreferences = (token: string, body: unknown) => call(preferencesRoute.PUT, { method: 'PUT', token, body });

describe('notification e-mail, against a real SMTP server', () => {
  let admin: Actor, requester: Actor, approver: Actor, optedOut: Actor, granted: Actor, reader: Actor, model: string;

  beforeAll(async () => {
    [admin, requester, approver, optedOut, granted, reader] = await Promise.all([
      seedUser({ role: 'admin' }),
      seedUser({ role: 'scientist' }),
      seedUser({ role: 'approver' }),
      seedUser({ role: 'approver' }),
      seedUser({ role: 'viewer' }),
      seedUser({ role: 'viewer' }),
    ]);
    model = (await seedModel({ owner: requester })).name;
    await updatePolicy(admin, { model, policy: { staging: [], production: [{ kind: 'approvals', count: 1 }], notifications: { remindAfterHours: 4 } } });
    await setGrant(admin, { userId: granted.id!, model, role: 'approver' });
    expect((await putPreferences(await seedToken(optedOut), { newRequests: false, decisions: true, mentions: true, reminders: false })).status).toBe(200);
  });

  it('tells the approvers of a new request, naming the version with a link; not one who opted out or lost the right', async () => {
    const { number } = await seedVersion(model, { stage: 'staging', by: requester });
    // Over REST v1, as a pipeline would.
    const made = await call(requestRoute.POST, { method: 'POST', token: await seedToken(requester), params: { name: model, number: String(number) }, body: { comment: 'AUC up two points' } });
    expect(made.status).toBe(201);
    const request = (made.json as { request: { id: string } }).request;
    const keys = await queuedKeys(`new_request:${request.id}:`);
    expect(keys).toEqual(expect.arrayContaining([`new_request:${request.id}:${approver.id}`, `new_request:${request.id}:${granted.id}`]));
    expect(keys).not.toContain(`new_request:${request.id}:${optedOut.id}`);
    expect(keys).not.toContain(`new_request:${request.id}:${requester.id}`);
    // The grant goes before the message is sent: the rule, asked again, leaves them out.
    await removeGrant(admin, { userId: granted.id!, model });
    inbox.length = 0;
    await runQueuedJobs();

    const [mail, ...more] = mailTo(approver);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`[Modelgate] ${model} v${number}: promotion to Production waits for your decision`);
    expect(mail!.text).toContain(`${requester.label} requested the promotion to Production of ${model} v${number}`);
    expect(mail!.text).toContain(`${BASE}/models/${model}/versions/${number}`);
    expect(mail!.text).toContain('> AUC up two points');
    expect(mailTo(optedOut)).toEqual([]);
    expect(mailTo(granted)).toEqual([]);
    expect(mailTo(requester)).toEqual([]);
    expect(await db.notificationSent.count({ where: { key: `new_request:${request.id}:${approver.id}` } })).toBe(1);

    // A decision: the requester hears it was approved and deployed; the approver hears nothing of their own act.
    inbox.length = 0;
    const approved = await call(approveRoute.POST, { method: 'POST', token: await seedToken(approver), params: { id: request.id }, body: { comment: 'looks good' } });
    expect(approved.status).toBe(200);
    await runQueuedJobs();
    expect(mailTo(requester).map((m) => m.subject).sort()).toEqual([`[Modelgate] ${model} v${number} approved`, `[Modelgate] ${model} v${number} deployed to Production`]);
    expect(mailTo(requester).find((m) => m.subject.endsWith('approved'))!.text).toContain(`was approved by ${approver.label}`);
    expect(mailTo(approver)).toEqual([]);
  });

  it('tells approvers of a canary request, not one disabled before sending, and the requester of a rejection', async () => {
    const late = await seedUser({ role: 'approver' });
    const { number } = await seedVersion(model, { stage: 'staging', by: requester });
    const { request } = await requestCanary(requester, { model, number, weight: 10, comment: 'try 10 percent' });
    expect(await queuedKeys(`new_request:${request.id}:${late.id}`)).toHaveLength(1);
    await updateUser(admin, { userId: late.id!, disabled: true });
    inbox.length = 0;
    await runQueuedJobs();
    expect(mailTo(approver).map((m) => m.subject)).toEqual([`[Modelgate] ${model} v${number}: canary request waits for your decision`]);
    expect(mailTo(late)).toEqual([]);

    inbox.length = 0;
    await decideRequest(approver, { requestId: request.id, decision: 'reject', comment: 'not this week' });
    await runQueuedJobs();
    const [rejected, ...more] = mailTo(requester);
    expect(more).toEqual([]);
    expect(rejected!.subject).toBe(`[Modelgate] ${model} v${number} rejected`);
    expect(rejected!.text).toContain(`Your canary request of ${model} v${number}`);
    expect(rejected!.text).toContain('> not this week');
  });

  it('tells a mentioned person once, even after the comment is edited', async () => {
    const { number } = await seedVersion(model, { by: requester });
    inbox.length = 0;
    const comment = await addComment(approver, { model, number, body: `@${reader.label} can you check the slices?` });
    await runQueuedJobs();
    const [mail, ...more] = mailTo(reader);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`[Modelgate] ${approver.label} mentioned you on ${model} v${number}`);
    expect(mail!.text).toContain('can you check the slices?');
    expect(mail!.text).toContain(`${BASE}/models/${model}/versions/${number}`);
    // An edit that adds a mention tells the newcomer only; the author is never told of their own comment.
    inbox.length = 0;
    await editComment(approver, { model, number, id: String(comment.id), body: `@${reader.label} and @${requester.label}: can you check the slices? @${approver.label}` });
    await runQueuedJobs();
    expect(inbox.map((m) => m.to)).toEqual([requester.label]);
  });

  it('reminds deciders once per round of a request that waits past its policy, not one who opted out', async () => {
    const { number } = await seedVersion(model, { stage: 'staging', by: requester });
    const { request } = await requestProduction(requester, { model, number, comment: 'please look' });
    await runQueuedJobs();
    expect(await sendDueReminders()).toBe(0);
    const realNow = clock.now;
    try {
      clock.now = () => new Date(Date.now() + 5 * 3_600_000);
      inbox.length = 0;
      // Two passes (or two instances) in the same round: one reminder.
      expect(await sendDueReminders()).toBe(1);
      expect(await sendDueReminders()).toBe(0);
      await runQueuedJobs();
      const reminders = mailTo(approver);
      expect(reminders.map((m) => m.subject)).toEqual([`[Modelgate] Reminder: ${model} v${number} has waited 5 h for a decision`]);
      expect(reminders[0]!.text).toContain(`${BASE}/models/${model}/versions/${number}`);
      expect(mailTo(optedOut)).toEqual([]);
      const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'request.reminded', data: { path: ['requestId'], equals: request.id } } });
      expect(audit).toMatchObject({ actorLabel: 'reminders', modelName: model, versionNumber: number, data: expect.objectContaining({ round: 1 }) });
    } finally {
      clock.now = realNow;
    }
  });
});

describe('notification preferences over REST v1', () => {
  it('answers the defaults, saves a change with an audit event, and refuses bad input with 400', async () => {
    const viewer = await seedUser({ role: 'viewer' });
    const token = await seedToken(viewer);
    const first = await call(preferencesRoute.GET, { token });
    expect(first).toMatchObject({ status: 200, json: { preferences: { newRequests: true, decisions: true, mentions: true, reminders: true }, updatedAt: null, mail: { enabled: true } } });

    const saved = await putPreferences(token, { newRequests: true, decisions: false, mentions: true, reminders: false });
    expect(saved).toMatchObject({ status: 200, json: { preferences: { decisions: false, reminders: false } } });
    expect((await call(preferencesRoute.GET, { token })).json).toMatchObject({ preferences: { decisions: false, reminders: false, mentions: true } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'notifications.preferences_updated', actorId: viewer.id }, orderBy: { id: 'desc' } });
    expect(audit.data).toEqual({ before: { newRequests: true, decisions: true, mentions: true, reminders: true }, after: { newRequests: true, decisions: false, mentions: true, reminders: false } });

    for (const body of [{ newRequests: 'yes', decisions: true, mentions: true, reminders: true }, { decisions: true }, { newRequests: true, decisions: true, mentions: true, reminders: true, sms: true }]) {
      const refused = await putPreferences(token, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.json).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    }
    expect((await call(preferencesRoute.PUT, { method: 'PUT', token, rawBody: '{not json' })).status).toBe(400);
  });

  it('says when mail is off', async () => {
    const saved = process.env.MODELGATE_SMTP_URL;
    delete process.env.MODELGATE_SMTP_URL;
    try {
      const token = await seedToken(await seedUser({ role: 'scientist' }));
      expect((await call(preferencesRoute.GET, { token })).json).toMatchObject({ mail: { enabled: false } });
    } finally {
      process.env.MODELGATE_SMTP_URL = saved;
    }
  });
});
