import { describe, expect, it } from 'vitest';
import type { BoardData, VersionCardData } from '@/lib/db/queries/board';
import { actionRequest, optimisticBoard } from './governance';

const card = (number: number, stage: VersionCardData['stage'], extra: Partial<VersionCardData> = {}): VersionCardData => ({
  id: `v${number}`,
  number,
  semver: `1.0.${number}`,
  stage,
  dataVersion: 'd',
  author: 'a',
  createdAt: '2026-01-01T00:00:00Z',
  stageChangedAt: '2026-01-01T00:00:00Z',
  tags: [],
  aliases: [],
  primaryMetric: 0.9,
  pendingRequest: null,
  canary: null,
  ...extra,
});

function board(): BoardData {
  const prod = card(1, 'production');
  return {
    model: { id: 'm', name: 'fraud', description: '', tags: [], owner: 'o', lastStable: null },
    primaryMetric: { key: 'auc', direction: 'higher' },
    counts: { testing: 2, staging: 1, production: 1, archived: 0 },
    production: prod,
    columns: {
      testing: { versions: [card(4, 'testing'), card(3, 'testing')], nextBefore: null },
      staging: { versions: [card(2, 'staging', { pendingRequest: { id: 'r', kind: 'production', canaryWeight: null, requesterId: 'sci', requester: 'Sami', requiredApprovals: 1, approverIds: [], separation: { requesterIds: ['sci'], authorIds: [], authorMayApprove: false } } })], nextBefore: null },
      production: { versions: [prod], nextBefore: null },
    },
    traffic: null,
    redirects: [],
  };
}

describe('optimisticBoard', () => {
  it('moves a promoted card to Staging, newest first, and adjusts the counts', () => {
    const next = optimisticBoard(board(), { kind: 'promote', number: 3, expectedStage: 'testing' }, 'u');
    expect(next.columns.testing.versions.map((v) => v.number)).toEqual([4]);
    expect(next.columns.staging.versions.map((v) => [v.number, v.stage])).toEqual([[3, 'staging'], [2, 'staging']]);
    expect(next.counts).toMatchObject({ testing: 1, staging: 2 });
  });

  it('puts the approved version in Production and the old one in Archived when the approval completes the count', () => {
    const next = optimisticBoard(board(), { kind: 'approve', requestId: 'r', number: 2, comment: '', expectedProduction: 1 }, 'approver');
    expect(next.columns.production.versions.map((v) => v.number)).toEqual([2]);
    expect(next.production?.number).toBe(2);
    expect(next.counts).toMatchObject({ staging: 0, production: 1, archived: 1 });
  });

  it('only records the approval when more are needed', () => {
    const start = board();
    start.columns.staging.versions[0]!.pendingRequest!.requiredApprovals = 2;
    const next = optimisticBoard(start, { kind: 'approve', requestId: 'r', number: 2, comment: '', expectedProduction: 1 }, 'approver');
    expect(next.columns.staging.versions[0]!.pendingRequest!.approverIds).toEqual(['approver']);
    expect(next.production?.number).toBe(1);
  });

  it('leaves the board untouched for a rollback until the server answers', () => {
    const start = board();
    expect(optimisticBoard(start, { kind: 'rollback', reason: 'bad', expectedVersion: 1 }, 'u')).toBe(start);
  });
});

describe('actionRequest', () => {
  it('targets the handler for each action with the stale-board guard', () => {
    expect(actionRequest('fraud detector', { kind: 'archive', number: 3, expectedStage: 'testing', reason: 'old' })).toEqual({
      url: '/api/models/fraud%20detector/versions/3/archive',
      body: { expectedStage: 'testing', reason: 'old', overrideJustification: undefined },
    });
    expect(actionRequest('m', { kind: 'approve', requestId: 'r1', number: 2, comment: 'ok', expectedProduction: null }).url).toBe('/api/requests/r1/approve');
  });
});
