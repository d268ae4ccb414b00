// Loads the demo registry: users (password "modelgate") and three models with histories, replayed through
// the real services on a simulated clock so that every version has its audit trail and realistic dates.
import { createHash } from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/services/actor';
import { clock } from '@/lib/services/clock';
import { createModel } from '@/lib/services/create-model';
import { registerVersion } from '@/lib/services/register-version';
import { moveVersion } from '@/lib/services/move-version';
import { rollbackModel } from '@/lib/services/rollback-model';
import { requestProduction } from '@/lib/services/request-production';
import { decideRequest } from '@/lib/services/decide-request';
import { DEMO_MODELS, modelCard, type DemoModel, type Step } from './demo-models';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo/users';

const DAY = 24 * 60 * 60 * 1000;

function random(seed: number) {
  // mulberry32: deterministic, so the demo looks the same on every machine.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

const hex = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);
const round = (value: number) => Math.round(value * 10_000) / 10_000;

export async function seedDemoData(): Promise<{ users: number; models: number; versions: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const row = await db.user.upsert({ where: { email: u.email }, create: { ...u, passwordHash }, update: {} });
    users.set(u.role === 'approver' && users.has('approver') ? 'approver2' : u.role, { id: row.id, label: row.email, role: row.role });
  }
  const scientist = users.get('scientist')!;
  const approver = users.get('approver')!;
  const approver2 = users.get('approver2')!;

  const start = Date.now() - 150 * DAY;
  let versions = 0;
  for (const [index, model] of DEMO_MODELS.entries()) {
    if (await db.registeredModel.findUnique({ where: { name: model.name } })) continue;
    let t = start + index * 2 * DAY;
    clock.now = () => new Date(t);
    await createModel(scientist, {
      name: model.name,
      description: model.description,
      tags: model.tags,
      metrics: model.metrics.map((m) => ({ key: m.key, direction: m.direction, isPrimary: m.isPrimary ?? false })),
    });
    if (model.policy) {
      const created = await db.registeredModel.findUniqueOrThrow({ where: { name: model.name }, select: { id: true } });
      await db.modelPolicy.create({ data: { modelId: created.id, gates: model.policy } });
    }
    const rand = random(index + 7);
    for (const [i, v] of model.versions.entries()) {
      t += (9 + Math.round(rand() * 6)) * DAY;
      const number = i + 1;
      await registerVersion(scientist, {
        model: model.name,
        dataVersion: v.dataVersion,
        artifactUri: `s3://modelgate-artifacts/${model.name}/${number}/model.bin`,
        artifactDigest: `sha256:${hex(`${model.name}/${number}`, 64)}`,
        framework: model.framework,
        hyperparameters: model.hyperparameters(i),
        features: model.features[v.featureSet]!.map((name) => ({ name, type: /postcode|plan|category|label/.test(name) ? 'string' : 'float' })),
        trainingDataHash: `sha256:${hex(`${model.dataSource}@${v.dataVersion}`, 64)}`,
        trainingDataSource: `${model.dataSource}@${v.dataVersion}`,
        codeCommit: hex(`${model.name}-commit-${number}`, 40),
        trainingDurationSec: Math.round(1800 + rand() * 1200 + i * 60),
        trainingResources: { instance: 'm6i.4xlarge', gpus: 0, peak_memory_gb: round(6 + rand() * 4) },
        parents: number > 1 ? [{ model: model.name, version: number - 1 }] : [],
        metrics: metricsFor(model, v.quality, v.sliceShift ?? {}, rand),
        tags: { owner_team: model.tags[0] ?? 'ml', ...(number % 4 === 0 ? { experiment: 'ablation' } : {}) },
        description: v.description,
        modelCard: modelCard(model, v, number),
      });
      versions += 1;
      for (const step of v.steps) {
        t += Math.round((0.5 + rand() * 0.4) * DAY);
        clock.now = () => new Date(t);
        await replay(step, model.name, number, { scientist, approver: number % 2 ? approver : approver2 });
      }
    }
  }
  clock.now = () => new Date();
  return { users: users.size, models: DEMO_MODELS.length, versions };
}

function metricsFor(model: DemoModel, quality: number, shift: Record<string, number>, rand: () => number) {
  const rows: { key: string; value: number; evaluationSet: string; slice: string }[] = [];
  for (const m of model.metrics) {
    const whole = m.at(quality, rand());
    rows.push({ key: m.key, value: round(whole), evaluationSet: model.evaluationSet, slice: '' });
    for (const slice of model.slices) {
      const q = Math.max(0, quality + (shift[slice] ?? 0) * 4 + rand() * 0.1);
      rows.push({ key: m.key, value: round(m.at(q, rand())), evaluationSet: model.evaluationSet, slice });
    }
  }
  return rows;
}

async function replay(step: Step, model: string, number: number, who: { scientist: Actor; approver: Actor }) {
  switch (step.do) {
    case 'promote':
      return moveVersion(who.scientist, 'promote', { model, number });
    case 'archive':
      return moveVersion(who.scientist, 'archive', { model, number, comment: step.reason });
    case 'demote':
      return moveVersion(who.scientist, 'demote', { model, number, comment: step.reason });
    case 'rollback':
      return rollbackModel(who.approver, { model, reason: step.reason });
    case 'request':
      return requestProduction(who.scientist, { model, number, comment: step.comment });
    case 'deploy': {
      const { request } = await requestProduction(who.scientist, { model, number, comment: step.comment });
      // The approver decides a few hours after the request.
      const requestedAt = clock.now().getTime();
      clock.now = () => new Date(requestedAt + 3 * 60 * 60 * 1000);
      return decideRequest(who.approver, { requestId: request.id, decision: 'approve', comment: 'Gates pass; looks good.' });
    }
  }
}

async function main() {
  const existing = await db.user.count();
  if (existing > 0 && !process.argv.includes('--force')) {
    console.log('[seed] the database already has users; demo data not loaded (use --force to add missing demo rows).');
    return;
  }
  const started = Date.now();
  const result = await seedDemoData();
  console.log(`[seed] demo data loaded in ${Date.now() - started} ms: ${result.users} users, ${result.models} models, ${result.versions} versions.`);
}

if (process.argv[1] && /seed[\\/]index\.ts$/.test(process.argv[1])) {
  main()
    .then(() => db.$disconnect())
    .catch(async (error) => {
      console.error('[seed] failed:', error);
      await db.$disconnect();
      process.exit(1);
    });
}
