// The board's read model: two statements for the whole board whatever the model's size, and each card with
// what it shows (tags, aliases, primary metric, open request, canary share), newest first per stage.
import { beforeAll, describe, expect, it } from 'vitest';
import { BOARD_FIRST_PAGE, getBoard, getStagePage } from '@/lib/db/queries/board';
import { DEFAULT_CARD_SECTIONS } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { decideRequest } from '@/lib/services/decide-request';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';
import { setAlias } from '@/lib/services/set-alias';
import { setVersionTag } from '@/lib/services/set-version-tag';
import { register, seedModel, seedUser } from '../fixtures';
import { countQueries } from './query-counter';

const CARD = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\ntext`).join('\n');
const TESTING = BOARD_FIRST_PAGE + 3;
let admin: Actor, scientist: Actor, approver: Actor;
let model: { id: string; name: string };

beforeAll(async () => {
  [admin, scientist, approver] = await Promise.all([seedUser({ role: 'admin' }), seedUser({ role: 'scientist' }), seedUser({ role: 'approver' })]);
  model = await seedModel({ owner: scientist });
  const governed = () => register(scientist, model.name, { trainingDataHash: 'h', codeCommit: 'c', modelCard: CARD, metrics: [{ key: 'auc', value: 0.91 }] });
  // v1 in Production (approved), v2 in Staging with an open request, tags and an alias, then Testing versions.
  const v1 = await governed();
  await moveVersion(scientist, 'promote', { model: model.name, number: v1.number });
  const first = await requestProduction(scientist, { model: model.name, number: v1.number, comment: 'ship' });
  await decideRequest(approver, { requestId: first.request.id, decision: 'approve' });
  const v2 = await governed();
  await moveVersion(scientist, 'promote', { model: model.name, number: v2.number });
  await requestProduction(scientist, { model: model.name, number: v2.number, comment: 'next' });
  await setVersionTag(scientist, { model: model.name, number: v2.number, key: 'team', value: 'search' });
  await setVersionTag(scientist, { model: model.name, number: v2.number, key: 'a-first', value: '' });
  await setAlias(admin, { model: model.name, alias: 'candidate', number: v2.number });
  for (let i = 0; i < TESTING; i++) await register(scientist, model.name, { metrics: [{ key: 'auc', value: 0.8 + i / 100 }] });
});

describe('the board read model', () => {
  it('reads the whole board in two statements', async () => {
    const { result, count } = await countQueries(() => getBoard(model.name));
    expect(result).not.toBeNull();
    expect(count).toBe(2);
  });

  it('shows each column newest first, the first page of each, with counts from the stage-count table', async () => {
    const board = (await getBoard(model.name))!;
    expect(board.counts).toEqual({ testing: TESTING, staging: 1, production: 1, archived: 0 });
    const testing = board.columns.testing;
    expect(testing.versions.map((v) => v.number)).toEqual(Array.from({ length: BOARD_FIRST_PAGE }, (_, i) => TESTING + 2 - i));
    expect(testing.nextBefore).toBe(testing.versions.at(-1)!.number);
    // The next page continues exactly where the first ended.
    const older = await getStagePage(model.id, 'testing', 'auc', testing.nextBefore!);
    expect(older.versions.map((v) => v.number)).toEqual([5, 4, 3]);
    expect(older.nextBefore).toBeNull();
    expect(board.production?.number).toBe(1);
    expect(board.primaryMetric).toEqual({ key: 'auc', direction: 'higher' });
    expect(board.model).toMatchObject({ id: model.id, name: model.name });
  });

  it('gives a card its tags and aliases in order, its metric and its open request with the four-eyes facts', async () => {
    const board = (await getBoard(model.name))!;
    const staged = board.columns.staging.versions[0]!;
    expect(staged).toMatchObject({
      number: 2,
      stage: 'staging',
      author: 'scientist tester',
      tags: [{ key: 'a-first', value: '' }, { key: 'team', value: 'search' }],
      aliases: ['candidate'],
      primaryMetric: 0.91,
      canary: null,
      pendingRequest: { kind: 'production', canaryWeight: null, requesterId: scientist.id, requester: 'scientist tester', approverIds: [], separation: { requesterIds: [scientist.id], authorIds: [scientist.id], authorMayApprove: false } },
    });
    expect(new Date(staged.createdAt).toISOString()).toBe(staged.createdAt);
    expect(board.columns.testing.versions[0]).toMatchObject({ pendingRequest: null, tags: [], aliases: [], primaryMetric: 0.8 + (TESTING - 1) / 100 });
  });

  it('answers null for a model that does not exist', async () => {
    expect(await getBoard('no-such-model-anywhere')).toBeNull();
  });
});
