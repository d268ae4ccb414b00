// Every route handler × every kind of caller → the status the permission table and the route's scope
// predict. The route list is read from the file system, so a new endpoint without a rule here fails, and
// each rule is checked against the contract the route declares.
//
// Callers: one unrestricted token per role; a revoked and an expired token; an admin token restricted to
// another model ("scoped elsewhere") and one restricted to MODEL ("scoped here"); an approver token for a
// user who is a viewer globally and an approver on MODEL; a serving token on MODEL; and a browser session of a
// viewer with an admin grant on MODEL. Registry-wide routes must refuse every scoped token and ignore the grants.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/prisma';
import { can, SERVING, type Action, type Role } from '@/lib/registry';
import { contractOf } from '@/lib/http/contract';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createApiToken } from '@/lib/services/create-api-token';
import { revokeApiToken } from '@/lib/services/revoke-api-token';
import { setGrant } from '@/lib/services/set-grant';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { updatePolicy } from '@/lib/services/update-policy';
import { call } from './api-client';
import { register, seedModel, seedToken, seedUser } from '../fixtures';

// The browser session of the caller who sends no token (next-auth needs Next's request scope).
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));

const MODEL = `authz-${Date.now().toString(36)}`;
const routeModules = import.meta.glob('../../app/api/**/route.ts');

// MLflow's endpoints answer in MLflow's own error shape and have their own auth tests; next-auth's are its own.
const OUT_OF_SCOPE = [/^2\.0\/mlflow\//, /^auth\//];

type Scope = 'model' | 'global' | 'list' | 'public';

interface Rule {
  /** The permission the caller needs on the scope, or 'public'. */
  permission: Action | 'public';
  scope: Scope;
  params?: Record<string, string>;
  body?: unknown;
  url?: string;
  /** For list routes: what every reader gets (default 200), e.g. 404 for an operation that is not theirs. */
  status?: number;
}

const m = { name: MODEL };
const v = { name: MODEL, number: '1' };
const request = { id: '' }; // a pending request on MODEL, filled in beforeAll
// Bodies are chosen so that an allowed caller is refused by validation or a stale-board guard (4xx but
// not 401/403) and nothing changes between calls.
const RULES: Record<string, Rule> = {
  // Load balancers and API tooling read these without credentials.
  'GET health': { permission: 'public', scope: 'public' },
  'GET metrics': { permission: 'metrics.read', scope: 'global' },
  'GET openapi.json': { permission: 'public', scope: 'public' },
  // UI-only read models of one model.
  'GET models/[name]/board': { permission: 'registry.read', scope: 'model', params: m },
  'GET models/[name]/compare': { permission: 'registry.read', scope: 'model', params: m, url: 'http://localhost/api?v=1,2' },
  'GET models/[name]/trend': { permission: 'registry.read', scope: 'model', params: m },
  'GET models/[name]/production-at': { permission: 'registry.read', scope: 'model', params: m, url: 'http://localhost/api?t=2026-01-01T00:00:00Z' },
  'GET models/[name]/versions': { permission: 'registry.read', scope: 'model', params: m, url: 'http://localhost/api?stage=testing' },
  'GET models/[name]/people': { permission: 'version.comment', scope: 'model', params: m },
  'GET models/[name]/versions/[number]/gates': { permission: 'registry.read', scope: 'model', params: v, url: 'http://localhost/api?target=staging' },
  // API v1.
  // The caller's own settings: every person, registry-wide (an invalid body: 400 and nothing changes).
  'GET v1/me/notification-preferences': { permission: 'notifications.manage', scope: 'global' },
  'PUT v1/me/notification-preferences': { permission: 'notifications.manage', scope: 'global', body: { newRequests: 'yes' } },
  'GET v1/models': { permission: 'registry.read', scope: 'list' },
  'POST v1/models': { permission: 'model.create', scope: 'global', body: {} },
  'GET v1/models/[name]': { permission: 'registry.read', scope: 'model', params: m },
  'GET v1/models/[name]/versions': { permission: 'registry.read', scope: 'model', params: m },
  'POST v1/models/[name]/versions': { permission: 'version.register', scope: 'model', params: m, body: {} },
  'GET v1/models/[name]/versions/[number]': { permission: 'registry.read', scope: 'model', params: v },
  // An immutable field: refused with 409 IMMUTABLE, nothing changes.
  'PATCH v1/models/[name]/versions/[number]': { permission: 'version.edit', scope: 'model', params: v, body: { artifactDigest: 'sha256:x' } },
  'GET v1/models/[name]/versions/[number]/card-revisions': { permission: 'registry.read', scope: 'model', params: v },
  'PUT v1/models/[name]/versions/[number]/tags/[key]': { permission: 'version.edit', scope: 'model', params: { ...v, key: 'matrix' }, body: { value: 5 } },
  'DELETE v1/models/[name]/versions/[number]/tags/[key]': { permission: 'version.edit', scope: 'model', params: { ...v, key: 'no-such-tag' } },
  'GET v1/models/[name]/export': { permission: 'registry.read', scope: 'model', params: m, url: 'http://localhost/api?part=csv' },
  'POST v1/models/[name]/versions/[number]/promote': { permission: 'version.promote', scope: 'model', params: v, body: { expectedStage: 'archived' } },
  'POST v1/models/[name]/versions/[number]/demote': { permission: 'version.archive', scope: 'model', params: v, body: {} },
  'POST v1/models/[name]/versions/[number]/archive': { permission: 'version.archive', scope: 'model', params: v, body: {} },
  'POST v1/models/[name]/versions/[number]/restore': { permission: 'version.archive', scope: 'model', params: v, body: {} },
  'POST v1/models/[name]/versions/[number]/promotion-requests': { permission: 'version.request-production', scope: 'model', params: v, body: {} },
  'POST v1/models/[name]/versions/[number]/override': { permission: 'gates.override', scope: 'model', params: v, body: {} },
  'POST v1/models/[name]/versions/[number]/canary-requests': { permission: 'version.request-production', scope: 'model', params: v, body: {} },
  'GET v1/models/[name]/versions/[number]/comments': { permission: 'registry.read', scope: 'model', params: v },
  'POST v1/models/[name]/versions/[number]/comments': { permission: 'version.comment', scope: 'model', params: v, body: {} },
  'PATCH v1/models/[name]/versions/[number]/comments/[id]': { permission: 'version.comment', scope: 'model', params: { ...v, id: 'no-such-comment' }, body: {} },
  'DELETE v1/models/[name]/versions/[number]/comments/[id]': { permission: 'version.comment', scope: 'model', params: { ...v, id: 'no-such-comment' } },
  'POST v1/models/[name]/rollback': { permission: 'model.rollback', scope: 'model', params: m, body: {} },
  // MODEL has no retention rule: the dry run answers an empty one; a proposed rule that says nothing is a 400.
  'GET v1/models/[name]/retention/preview': { permission: 'registry.read', scope: 'model', params: m },
  'POST v1/models/[name]/retention/preview': { permission: 'registry.read', scope: 'model', params: m, body: { rule: {} } },
  'POST v1/models/[name]/retention/run': { permission: 'policies.manage', scope: 'global', params: m, body: { expectedArchive: 'v1' } },
  'GET v1/models/[name]/redirects': { permission: 'registry.read', scope: 'model', params: m },
  // No owner given: refused by validation, nothing changes.
  'PUT v1/models/[name]/owner': { permission: 'model.transfer', scope: 'model', params: m, body: {} },
  'DELETE v1/models/[name]/redirects/[oldName]': { permission: 'model.rename-served', scope: 'model', params: { name: MODEL, oldName: 'no-such-name' } },
  'PUT v1/models/[name]/aliases/[alias]': { permission: 'version.edit', scope: 'model', params: { name: MODEL, alias: 'candidate' }, body: { version: 1 } },
  'DELETE v1/models/[name]/aliases/[alias]': { permission: 'version.edit', scope: 'model', params: { name: MODEL, alias: 'candidate' } },
  'GET v1/models/[name]/resolve': { permission: 'version.resolve', scope: 'model', params: m, url: 'http://localhost/api?stage=production' },
  'GET v1/models/[name]/route': { permission: 'version.resolve', scope: 'model', params: m, url: 'http://localhost/api?key=u1' },
  // Without ?stage or ?alias: callers who may watch get 400 instead of a stream that never ends (the stream is tested in serving-cache).
  'GET v1/models/[name]/watch': { permission: 'version.resolve', scope: 'model', params: m, url: 'http://localhost/api' },
  'GET v1/models/[name]/traffic': { permission: 'registry.read', scope: 'model', params: m },
  'PUT v1/models/[name]/traffic': { permission: 'traffic.manage', scope: 'model', params: m, body: {} },
  'POST v1/models/[name]/health': { permission: 'health.report', scope: 'model', params: m, body: {} },
  'GET v1/audit': { permission: 'registry.read', scope: 'list' },
  'GET v1/promotion-requests': { permission: 'registry.read', scope: 'list' },
  // Bulk actions: every reader may ask; each model's own permission decides per item (refusals are items, not 403s).
  'POST v1/portfolio/preview': { permission: 'registry.read', scope: 'list', body: { selection: { models: [MODEL] }, action: { type: 'remove-tag', key: 'no-such-tag' } } },
  'POST v1/portfolio/operations': { permission: 'registry.read', scope: 'list', body: { selection: { models: [MODEL] }, action: { type: 'remove-tag', key: 'no-such-tag' } }, status: 201 },
  'GET v1/portfolio/operations': { permission: 'registry.read', scope: 'list' },
  'GET v1/portfolio/operations/[id]': { permission: 'registry.read', scope: 'list', params: { id: 'no-such-operation' }, status: 404 },
  'GET v1/portfolio/operations/[id]/result': { permission: 'registry.read', scope: 'list', params: { id: 'no-such-operation' }, status: 404 },
  'POST v1/promotion-requests/[id]/approve': { permission: 'request.decide', scope: 'model', params: request, body: { comment: 5 } },
  'POST v1/promotion-requests/[id]/reject': { permission: 'request.decide', scope: 'model', params: request, body: {} },
  'POST v1/promotion-requests/[id]/cancel': { permission: 'version.request-production', scope: 'model', params: request, body: { comment: 5 } },
  // The admin console: registry-wide.
  'GET admin/users': { permission: 'users.manage', scope: 'global' },
  'POST admin/users': { permission: 'users.manage', scope: 'global', body: {} },
  'PATCH admin/users/[id]': { permission: 'users.manage', scope: 'global', params: { id: 'no-such-user' }, body: {} },
  'PUT admin/grants': { permission: 'users.manage', scope: 'global', body: {} },
  'DELETE admin/grants': { permission: 'users.manage', scope: 'global', body: {} },
  'GET admin/tokens': { permission: 'tokens.manage', scope: 'global' },
  'POST admin/tokens': { permission: 'tokens.manage', scope: 'global', body: {} },
  'DELETE admin/tokens/[id]': { permission: 'tokens.manage', scope: 'global', params: { id: 'no-such-token' } },
  'GET admin/policies/[model]': { permission: 'policies.manage', scope: 'global', params: { model: MODEL } },
  'PUT admin/policies/[model]': { permission: 'policies.manage', scope: 'global', params: { model: MODEL }, body: {} },
  'POST admin/policies/[model]/preview': { permission: 'policies.manage', scope: 'global', params: { model: MODEL }, body: {} },
  'POST admin/audit/verify': { permission: 'audit.verify', scope: 'global' },
  'GET admin/audit/export': { permission: 'audit.export', scope: 'global', url: `http://localhost/api?model=${MODEL}` },
  'GET admin/registry/export': { permission: 'audit.export', scope: 'global' },
  'GET admin/webhooks': { permission: 'webhooks.manage', scope: 'global' },
  'POST admin/webhooks': { permission: 'webhooks.manage', scope: 'global', body: {} },
  'DELETE admin/webhooks/[id]': { permission: 'webhooks.manage', scope: 'global', params: { id: 'no-such-hook' } },
  'GET admin/webhooks/[id]/deliveries': { permission: 'webhooks.manage', scope: 'global', params: { id: 'no-such-hook' } },
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Handler = Parameters<typeof call>[0];
const handlers = new Map<string, Handler>();
const tokens: Record<string, string> = {};
const ROLES: Role[] = ['viewer', 'scientist', 'approver', 'admin'];
let grantSession: CurrentUser;

beforeAll(async () => {
  for (const [path, load] of Object.entries(routeModules)) {
    const route = path.replace('../../app/api/', '').replace(/\/route\.ts$/, '');
    if (OUT_OF_SCOPE.some((p) => p.test(route))) continue;
    const routeModule = (await load()) as Record<string, Handler>;
    for (const method of METHODS) if (typeof routeModule[method] === 'function') handlers.set(`${method} ${route}`, routeModule[method]);
  }
  const admin = await seedUser({ role: 'admin' });
  const scientist = await seedUser({ role: 'scientist' });
  await seedModel({ owner: scientist, name: MODEL });
  await register(scientist, MODEL);
  // A pending request on MODEL, so the request routes resolve a real model for their scope.
  await updatePolicy(admin, { model: MODEL, policy: { staging: [], production: [{ kind: 'approvals', count: 1 }] } });
  await register(scientist, MODEL);
  await moveVersion(scientist, 'promote', { model: MODEL, number: 2 });
  request.id = (await requestProduction(scientist, { model: MODEL, number: 2, comment: 'matrix request' })).request.id;

  for (const role of ROLES) {
    const owner = role === 'admin' ? admin : await seedUser({ role });
    tokens[role] = await seedToken(owner);
  }
  const granted = await seedUser({ role: 'viewer' });
  await setGrant(admin, { userId: granted.id!, model: MODEL, role: 'approver' });
  // An approver token for a user who is a viewer globally but an approver on MODEL, restricted to MODEL.
  tokens.grant = await seedToken(granted, { role: 'approver', model: MODEL });
  const other = await seedModel({ owner: scientist });
  tokens.scopedElsewhere = (await createApiToken(admin, { name: 'matrix scoped elsewhere', role: 'admin', model: other.name })).token;
  tokens.scopedHere = (await createApiToken(admin, { name: 'matrix scoped here', role: 'admin', model: MODEL })).token;
  // A serving system's token on MODEL: resolve, route and report health, nothing else.
  tokens.serving = (await createApiToken(admin, { name: 'matrix serving', kind: 'serving', model: MODEL })).token;
  const revoked = await createApiToken(admin, { name: 'matrix revoked', role: 'admin' });
  await revokeApiToken(admin, { tokenId: revoked.record.id });
  tokens.revoked = revoked.token;
  const expired = await createApiToken(admin, { name: 'matrix expired', role: 'admin', expiresInDays: 1 });
  await db.apiToken.update({ where: { id: expired.record.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  tokens.expired = expired.token;
  const modelAdmin = await seedUser({ role: 'viewer' });
  await setGrant(admin, { userId: modelAdmin.id!, model: MODEL, role: 'admin' });
  grantSession = { id: modelAdmin.id!, email: modelAdmin.label, name: 'model admin', label: modelAdmin.label, role: 'viewer', grants: { [MODEL]: 'admin' } };
});

const allowed = (status: number) => ![401, 403].includes(status);

describe('authorization matrix', () => {
  it('has a rule for every route handler, and every handler declares its contract', () => {
    const missing = [...handlers.keys()].filter((k) => !RULES[k]);
    expect(missing, 'add these routes to RULES with the permission and scope they need').toEqual([]);
    expect([...handlers.keys()].length).toBeGreaterThan(45);
    const withoutContract = [...handlers.entries()].filter(([, h]) => !contractOf(h)).map(([k]) => k);
    expect(withoutContract, 'build these handlers with route() or publicRoute() from lib/http/route').toEqual([]);
  });

  it.each(Object.entries(RULES))('%s declares the permission and scope of its rule', async (key, rule) => {
    const contract = contractOf(handlers.get(key));
    if (!contract) throw new Error(`${key} has a rule but no handler with a contract`);
    if (rule.scope === 'public') return expect('public' in contract).toBe(true);
    if ('public' in contract) throw new Error(`${key} is public but its rule says ${rule.scope}`);
    const scope = typeof contract.scope === 'string' ? contract.scope : 'model';
    expect(scope, key).toBe(rule.scope);
    const permission = typeof contract.permission === 'string' ? contract.permission : await contract.permission(rule.params ?? {});
    expect(permission, key).toBe(rule.permission);
  });

  it.each(Object.entries(RULES))('%s answers each caller as the permission table and its scope say', async (key, rule) => {
    const handler = handlers.get(key)!;
    const [method] = key.split(' ');
    const attempt = (token?: string) => {
      session.user = token ? null : grantSession;
      return call(handler, { method, token, params: rule.params, body: rule.body, url: rule.url });
    };
    const outcomes: Record<string, number> = {};
    for (const role of ROLES) outcomes[role] = (await attempt(tokens[role]!)).status;
    for (const caller of ['revoked', 'expired', 'grant', 'scopedElsewhere', 'scopedHere', 'serving']) outcomes[caller] = (await attempt(tokens[caller]!)).status;
    outcomes.grantSession = (await attempt()).status;
    for (const [caller, status] of Object.entries(outcomes)) expect(status, `${key} as ${caller} never answers 5xx`).toBeLessThan(500);

    if (rule.permission === 'public') {
      for (const [caller, status] of Object.entries(outcomes)) expect(status, `${key} is public (${caller})`).toBe(200);
      return;
    }
    const permission = rule.permission;
    for (const role of ROLES) {
      if (can(role, permission)) expect(allowed(outcomes[role]!), `${key} as ${role} (${outcomes[role]})`).toBe(true);
      else expect(outcomes[role], `${key} as ${role}`).toBe(403);
    }
    expect(outcomes.revoked, `${key} with a revoked token`).toBe(401);
    expect(outcomes.expired, `${key} with an expired token`).toBe(401);

    if (rule.scope === 'global') {
      // Registry-wide: a token restricted to any one model is refused, and grants do not count.
      expect(outcomes.scopedHere, `${key} with an admin token restricted to ${MODEL}`).toBe(403);
      expect(outcomes.scopedElsewhere, `${key} with an admin token restricted to another model`).toBe(403);
      expect(outcomes.grant, `${key} with a per-model approver's token restricted to ${MODEL}`).toBe(403);
      if (!can('viewer', permission)) expect(outcomes.grantSession, `${key} as a viewer with an admin grant on one model`).toBe(403);
      expect(outcomes.serving, `${key} with a serving token`).toBe(403);
    } else if (rule.scope === 'model') {
      expect(outcomes.scopedElsewhere, `${key} with an admin token restricted to another model`).toBe(403);
      expect(allowed(outcomes.scopedHere!), `${key} with an admin token restricted to this model (${outcomes.scopedHere})`).toBe(can('admin', permission));
      // A viewer with a grant on this model acts with the grant's role here.
      expect(allowed(outcomes.grant!), `${key} with a per-model approver token (${outcomes.grant})`).toBe(can('approver', permission));
      expect(allowed(outcomes.grantSession!), `${key} as a viewer with an admin grant here (${outcomes.grantSession})`).toBe(can('admin', permission));
      // A serving token on this model: resolve, route and report health only.
      expect(allowed(outcomes.serving!), `${key} with a serving token (${outcomes.serving})`).toBe(can(SERVING, permission));
    } else {
      // Lists answer every reader; their rows are checked below.
      for (const caller of ['grant', 'scopedElsewhere', 'scopedHere', 'grantSession']) expect(outcomes[caller], `${key} as ${caller}`).toBe(rule.status ?? 200);
      expect(outcomes.serving, `${key} with a serving token, which reads no lists`).toBe(403);
    }
  });

  it('limits every list to the model of a restricted token, and refuses a filter on another model', async () => {
    const list = async (key: string, token: string, url = 'http://localhost/api?limit=200') => (await call(handlers.get(key)!, { token, url })).json as Record<string, { model?: string | null; name?: string }[]>;
    const names = (rows: { model?: string | null; name?: string }[]) => [...new Set(rows.map((r) => r.model ?? r.name ?? null))];
    // An unrestricted reader sees more than one model in each list…
    expect(names((await list('GET v1/models', tokens.viewer!, 'http://localhost/api?pageSize=100')).items!).length).toBeGreaterThan(1);
    expect(names((await list('GET v1/audit', tokens.viewer!)).events!).length).toBeGreaterThan(1);
    // …a token restricted to MODEL sees only MODEL's rows.
    expect(names((await list('GET v1/models', tokens.scopedHere!, 'http://localhost/api?pageSize=100')).items!)).toEqual([MODEL]);
    expect(names((await list('GET v1/audit', tokens.scopedHere!)).events!)).toEqual([MODEL]);
    expect(names((await list('GET v1/promotion-requests', tokens.scopedHere!, 'http://localhost/api?limit=100')).requests!)).toEqual([MODEL]);
    expect((await list('GET v1/promotion-requests', tokens.scopedElsewhere!, 'http://localhost/api?limit=100')).requests).toEqual([]);
    for (const key of ['GET v1/audit', 'GET v1/promotion-requests']) {
      const filtered = await call(handlers.get(key)!, { token: tokens.scopedElsewhere, url: `http://localhost/api?model=${MODEL}` });
      expect(filtered.status, `${key}?model= another model`).toBe(403);
    }
  });
});
