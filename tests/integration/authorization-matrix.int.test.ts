// Every mutating (and admin) route handler × every kind of caller → the status the permission table
// predicts. The route list is read from the file system, so a new endpoint without a rule here fails.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { can, type Action, type Role } from '@/lib/registry';
import { createApiToken, revokeApiToken } from '@/lib/services/manage-tokens';
import { setGrant } from '@/lib/services/manage-users';
import { call } from './api-client';
import { makeActor, makeModel, register, tokenFor } from './fixtures';

const MODEL = `authz-${Date.now().toString(36)}`;
const routeModules = import.meta.glob('../../app/api/**/route.ts');

// MLflow's endpoints answer in MLflow's own error shape and have their own auth tests; next-auth's are its own.
const OUT_OF_SCOPE = [/^2\.0\/mlflow\//, /^auth\//];

interface Rule {
  /** The permission the caller needs (on MODEL where the route names one), or 'public'. */
  permission: Action | 'public';
  params?: Record<string, string>;
  body?: unknown;
  url?: string;
}

const m = { name: MODEL };
const v = { name: MODEL, number: '1' };
const RULES: Record<string, Rule> = {
  // Load balancers and API tooling read these without credentials.
  'GET health': { permission: 'public' },
  'GET openapi.json': { permission: 'public' },
  'GET audit': { permission: 'registry.read' },
  'GET requests': { permission: 'registry.read' },
  'POST requests/[id]/[decision]': { permission: 'request.decide', params: { id: 'no-such-request', decision: 'approve' }, body: {} },
  'GET models/[name]/board': { permission: 'registry.read', params: m },
  'GET models/[name]/compare': { permission: 'registry.read', params: m, url: 'http://localhost/api?v=1,2' },
  'GET models/[name]/trend': { permission: 'registry.read', params: m },
  'GET models/[name]/production-at': { permission: 'registry.read', params: m, url: 'http://localhost/api?t=2026-01-01T00:00:00Z' },
  'GET models/[name]/versions': { permission: 'registry.read', params: m, url: 'http://localhost/api?stage=testing' },
  'GET models/[name]/versions/[number]/gates': { permission: 'registry.read', params: v, url: 'http://localhost/api?target=staging' },
  'POST models/[name]/versions/[number]/[move]': { permission: 'version.archive', params: { ...v, move: 'archive' }, body: {} },
  'POST models/[name]/versions/[number]/request-production': { permission: 'version.request-production', params: v, body: {} },
  'POST models/[name]/versions/[number]/override': { permission: 'gates.override', params: v, body: {} },
  'POST models/[name]/rollback': { permission: 'model.rollback', params: m, body: {} },
  'GET v1/models': { permission: 'registry.read' },
  'POST v1/models': { permission: 'model.create', body: {} },
  'GET v1/models/[name]': { permission: 'registry.read', params: m },
  'GET v1/models/[name]/versions': { permission: 'registry.read', params: m },
  'POST v1/models/[name]/versions': { permission: 'version.register', params: m, body: {} },
  'GET v1/models/[name]/versions/[number]': { permission: 'registry.read', params: v },
  'POST v1/models/[name]/versions/[number]/[action]': { permission: 'version.promote', params: { ...v, action: 'promote' }, body: { expectedStage: 'archived' } },
  'POST v1/models/[name]/versions/[number]/canary-requests': { permission: 'version.request-production', params: v, body: {} },
  'POST v1/models/[name]/rollback': { permission: 'model.rollback', params: m, body: {} },
  'GET v1/models/[name]/redirects': { permission: 'registry.read', params: m },
  'DELETE v1/models/[name]/redirects/[oldName]': { permission: 'model.rename-served', params: { name: MODEL, oldName: 'no-such-name' } },
  'PUT v1/models/[name]/aliases/[alias]': { permission: 'version.edit', params: { name: MODEL, alias: 'candidate' }, body: { version: 1 } },
  'DELETE v1/models/[name]/aliases/[alias]': { permission: 'version.edit', params: { name: MODEL, alias: 'candidate' } },
  'GET v1/models/[name]/resolve': { permission: 'version.resolve', params: m, url: 'http://localhost/api?stage=production' },
  'GET v1/models/[name]/route': { permission: 'version.resolve', params: m, url: 'http://localhost/api?key=u1' },
  'GET v1/models/[name]/traffic': { permission: 'registry.read', params: m },
  'PUT v1/models/[name]/traffic': { permission: 'traffic.manage', params: m, body: {} },
  'POST v1/models/[name]/health': { permission: 'health.report', params: m, body: {} },
  'GET v1/audit': { permission: 'registry.read' },
  'GET v1/promotion-requests': { permission: 'registry.read' },
  'POST v1/promotion-requests/[id]/[decision]': { permission: 'request.decide', params: { id: 'no-such-request', decision: 'reject' }, body: {} },
  'GET admin/users': { permission: 'users.manage' },
  'POST admin/users': { permission: 'users.manage', body: {} },
  'PATCH admin/users/[id]': { permission: 'users.manage', params: { id: 'no-such-user' }, body: {} },
  'PUT admin/grants': { permission: 'users.manage', body: {} },
  'DELETE admin/grants': { permission: 'users.manage', body: {} },
  'GET admin/tokens': { permission: 'tokens.manage' },
  'POST admin/tokens': { permission: 'tokens.manage', body: {} },
  'DELETE admin/tokens/[id]': { permission: 'tokens.manage', params: { id: 'no-such-token' } },
  'GET admin/policies/[model]': { permission: 'policies.manage', params: { model: MODEL } },
  'PUT admin/policies/[model]': { permission: 'policies.manage', params: { model: MODEL }, body: {} },
  'POST admin/policies/[model]/preview': { permission: 'policies.manage', params: { model: MODEL }, body: {} },
  'POST admin/audit/verify': { permission: 'audit.verify' },
  'GET admin/audit/export': { permission: 'audit.export', url: `http://localhost/api?model=${MODEL}` },
  'GET admin/registry/export': { permission: 'audit.export' },
  'GET admin/webhooks': { permission: 'webhooks.manage' },
  'POST admin/webhooks': { permission: 'webhooks.manage', body: {} },
  'DELETE admin/webhooks/[id]': { permission: 'webhooks.manage', params: { id: 'no-such-hook' } },
  'GET admin/webhooks/[id]/deliveries': { permission: 'webhooks.manage', params: { id: 'no-such-hook' } },
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Handler = Parameters<typeof call>[0];
const handlers = new Map<string, Handler>();
const tokens: Record<string, string> = {};
const ROLES: Role[] = ['viewer', 'scientist', 'approver', 'admin'];

beforeAll(async () => {
  for (const [path, load] of Object.entries(routeModules)) {
    const route = path.replace('../../app/api/', '').replace(/\/route\.ts$/, '');
    if (OUT_OF_SCOPE.some((p) => p.test(route))) continue;
    const routeModule = (await load()) as Record<string, Handler>;
    for (const method of METHODS) if (typeof routeModule[method] === 'function') handlers.set(`${method} ${route}`, routeModule[method]);
  }
  const admin = await makeActor('admin');
  const scientist = await makeActor('scientist');
  await makeModel(scientist, MODEL);
  await register(scientist, MODEL);
  for (const role of ROLES) {
    const owner = role === 'admin' ? admin : await makeActor(role);
    tokens[role] = await tokenFor(owner);
  }
  const granted = await makeActor('viewer');
  await setGrant(admin, { userId: granted.id!, model: MODEL, role: 'approver' });
  // An approver token for a user who is a viewer globally but an approver on MODEL, restricted to MODEL.
  tokens.grant = await tokenFor(granted, { role: 'approver', model: MODEL });
  const other = await makeModel(scientist);
  tokens.scoped = (await createApiToken(admin, { name: 'matrix scoped', role: 'admin', model: other.name })).token;
  const revoked = await createApiToken(admin, { name: 'matrix revoked', role: 'admin' });
  await revokeApiToken(admin, { tokenId: revoked.record.id });
  tokens.revoked = revoked.token;
  const expired = await createApiToken(admin, { name: 'matrix expired', role: 'admin', expiresInDays: 1 });
  await db.apiToken.update({ where: { id: expired.record.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  tokens.expired = expired.token;
});

describe('authorization matrix', () => {
  it('has a rule for every route handler', () => {
    const missing = [...handlers.keys()].filter((k) => !RULES[k]);
    expect(missing, 'add these routes to RULES with the permission they need').toEqual([]);
    expect([...handlers.keys()].length).toBeGreaterThan(40);
  });

  it.each(Object.entries(RULES))('%s answers each caller as the permission table says', async (key, rule) => {
    const handler = handlers.get(key);
    expect(handler, `${key} has a rule but no handler`).toBeDefined();
    const [method] = key.split(' ');
    const attempt = (token: string) => call(handler!, { method, token, params: rule.params, body: rule.body, url: rule.url });
    const outcomes: Record<string, number> = {};
    for (const role of ROLES) outcomes[role] = (await attempt(tokens[role]!)).status;
    outcomes.revoked = (await attempt(tokens.revoked!)).status;
    outcomes.expired = (await attempt(tokens.expired!)).status;
    const scopedToModel = !!rule.params?.name || !!rule.params?.model;
    if (scopedToModel) {
      outcomes.grant = (await attempt(tokens.grant!)).status;
      outcomes.scoped = (await attempt(tokens.scoped!)).status;
    }

    if (rule.permission === 'public') {
      for (const status of Object.values(outcomes)) expect(status, `${key} is public`).toBe(200);
      return;
    }
    const permission = rule.permission;
    for (const role of ROLES) {
      if (can(role, permission)) expect([401, 403], `${key} as ${role} (${outcomes[role]})`).not.toContain(outcomes[role]);
      else expect(outcomes[role], `${key} as ${role}`).toBe(403);
    }
    if (scopedToModel) expect(outcomes.scoped, `${key} with an admin token restricted to another model`).toBe(403);
    expect(outcomes.revoked, `${key} with a revoked token`).toBe(401);
    expect(outcomes.expired, `${key} with an expired token`).toBe(401);
    // A viewer with an approver grant on this model acts as an approver here.
    if (scopedToModel && !permission.startsWith('users') && !['policies.manage', 'gates.override'].includes(permission)) {
      if (can('approver', permission)) expect([401, 403], `${key} with a per-model grant (${outcomes.grant})`).not.toContain(outcomes.grant);
      else expect(outcomes.grant, `${key} with a per-model grant`).toBe(403);
    }
    for (const status of Object.values(outcomes)) expect(status, `${key} never answers 5xx`).toBeLessThan(500);
  });
});
