// The rollback dialog promises the version the rollback service then restores: both read one rule
// (lib/registry/rollback.ts). Before, the board read last_stable_version_id, which a restore left behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CARD_SECTIONS } from '@/lib/registry';
import { getBoard } from '@/lib/db/queries/board';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { rollbackModel } from '@/lib/services/rollback-model';
import { makeActor, makeModel, register } from './fixtures';

let scientist: Actor, approver: Actor;
const CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\nFilled in.`).join('\n\n');

beforeAll(async () => {
  [scientist, approver] = await Promise.all([makeActor('scientist'), makeActor('approver')]);
});

/** A model whose versions 1…n each served Production in turn (n is in Production now). */
async function servedInTurn(n: number) {
  const model = await makeModel(scientist);
  for (let i = 0; i < n; i++) {
    const v = await register(scientist, model.name, {
      artifactDigest: `sha256:${'c'.repeat(64)}`, trainingDataHash: 'sha256:data', codeCommit: 'abc123', modelCard: CARD,
      metrics: [{ key: 'auc', value: 0.9 + i / 100 }, { key: 'latency_p95_ms', value: 80 }],
    });
    await moveVersion(scientist, 'promote', { model: model.name, number: v.number });
    const { request } = await requestProduction(scientist, { model: model.name, number: v.number, comment: 'ship it' });
    await decideRequest(approver, { requestId: request.id, decision: 'approve' });
  }
  return model;
}

const promised = async (model: string) => (await getBoard(model))!.model.lastStable?.number ?? null;

describe('the rollback target: what the dialog promises is what the rollback restores', () => {
  it('after the last stable version is restored to Testing, promises the one before it, and restores that', async () => {
    const model = await servedInTurn(3);
    expect(await promised(model.name)).toBe(2);
    await moveVersion(scientist, 'restore', { model: model.name, number: 2, comment: 'retrain it' });

    const promise = await promised(model.name);
    const { restored } = await rollbackModel(approver, { model: model.name, reason: 'latency spike', expectedVersion: 3 });
    expect(promise).toBe(restored.number);
    expect(restored.number).toBe(1);
  });

  it('promises nothing when the only earlier holder was restored, and the rollback refuses', async () => {
    const model = await servedInTurn(2);
    await moveVersion(scientist, 'restore', { model: model.name, number: 1, comment: 'retrain it' });
    expect(await promised(model.name)).toBeNull();
    await expect(rollbackModel(approver, { model: model.name, reason: 'latency spike' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('after a rollback, promises the next target, skipping the version that failed', async () => {
    const model = await servedInTurn(3);
    const { restored } = await rollbackModel(approver, { model: model.name, reason: 'v3 is bad' });
    expect(restored.number).toBe(2);
    // v3 is archived now but tagged failed; v1 is next.
    expect(await promised(model.name)).toBe(1);
    expect((await rollbackModel(approver, { model: model.name, reason: 'v2 is bad too' })).restored.number).toBe(1);
    expect(await promised(model.name)).toBeNull();
  });
});
