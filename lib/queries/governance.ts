import type { BoardData, VersionCardData } from '@/lib/db/queries/board';
import type { Stage } from '@/lib/registry/stages';

/** Every governance action the browser can take, as the route handler expects it. */
export type GovernanceAction =
  | { kind: 'promote' | 'archive' | 'demote' | 'restore'; number: number; expectedStage: Stage; reason?: string; overrideJustification?: string }
  | { kind: 'request-production'; number: number; comment: string }
  | { kind: 'request-canary'; number: number; weight: number; comment: string }
  | { kind: 'approve'; requestId: string; number: number; comment: string; expectedProduction: number | null }
  | { kind: 'reject'; requestId: string; number: number; comment: string }
  | { kind: 'cancel'; requestId: string; number: number }
  | { kind: 'rollback'; reason: string; expectedVersion: number };

/** The public API v1 call for each action: the board uses the same contract as pipelines. */
export function actionRequest(model: string, action: GovernanceAction): { url: string; body: unknown } {
  const base = `/api/v1/models/${encodeURIComponent(model)}`;
  const request = (id: string) => `/api/v1/promotion-requests/${encodeURIComponent(id)}`;
  switch (action.kind) {
    case 'promote':
    case 'archive':
    case 'demote':
    case 'restore':
      return { url: `${base}/versions/${action.number}/${action.kind}`, body: { expectedStage: action.expectedStage, reason: action.reason, overrideJustification: action.overrideJustification } };
    case 'request-production':
      return { url: `${base}/versions/${action.number}/promotion-requests`, body: { comment: action.comment } };
    case 'request-canary':
      return { url: `${base}/versions/${action.number}/canary-requests`, body: { weight: action.weight, comment: action.comment } };
    case 'approve':
      return { url: `${request(action.requestId)}/approve`, body: { comment: action.comment, expectedProduction: action.expectedProduction } };
    case 'reject':
      return { url: `${request(action.requestId)}/reject`, body: { comment: action.comment } };
    case 'cancel':
      return { url: `${request(action.requestId)}/cancel`, body: {} };
    case 'rollback':
      return { url: `${base}/rollback`, body: { reason: action.reason, expectedVersion: action.expectedVersion } };
  }
}

export const SUCCESS_MESSAGES: Record<GovernanceAction['kind'], string> = {
  promote: 'Promoted to Staging',
  archive: 'Version archived',
  demote: 'Moved back to Testing',
  restore: 'Restored to Testing',
  'request-production': 'Production requested — approvers have been asked',
  'request-canary': 'Canary requested — approvers have been asked',
  approve: 'Approval recorded',
  reject: 'Request rejected',
  cancel: 'Request cancelled',
  rollback: 'Rolled back to the last stable version',
};

type BoardColumn = keyof BoardData['columns'];

function without(board: BoardData, number: number): { board: BoardData; card: VersionCardData | null; from: Stage | null } {
  let card: VersionCardData | null = null;
  let from: Stage | null = null;
  const columns = { ...board.columns };
  for (const stage of Object.keys(columns) as BoardColumn[]) {
    const found = columns[stage].versions.find((v) => v.number === number);
    if (found) {
      card = found;
      from = stage;
      columns[stage] = { ...columns[stage], versions: columns[stage].versions.filter((v) => v.number !== number) };
    }
  }
  const counts = from ? { ...board.counts, [from]: board.counts[from] - 1 } : board.counts;
  return { board: { ...board, columns, counts }, card, from };
}

function into(board: BoardData, card: VersionCardData, to: Stage): BoardData {
  const counts = { ...board.counts, [to]: board.counts[to] + 1 };
  if (to === 'archived') return { ...board, counts };
  const column = board.columns[to];
  const versions = [{ ...card, stage: to }, ...column.versions].sort((a, b) => b.number - a.number);
  return { ...board, counts, columns: { ...board.columns, [to]: { ...column, versions } } };
}

/** The board as it will look once the action succeeds; the server's answer replaces it either way. */
export function optimisticBoard(board: BoardData, action: GovernanceAction, userId: string): BoardData {
  const move = (number: number, to: Stage) => {
    const { board: next, card } = without(board, number);
    return card ? into(next, card, to) : board;
  };
  switch (action.kind) {
    case 'promote':
      return move(action.number, 'staging');
    case 'demote':
      return move(action.number, 'testing');
    case 'archive':
      return move(action.number, 'archived');
    case 'restore':
      return { ...board, counts: { ...board.counts, archived: board.counts.archived - 1, testing: board.counts.testing + 1 } };
    case 'request-production':
      return mapCard(board, action.number, (v) => ({ ...v, pendingRequest: { id: 'pending', kind: 'production', canaryWeight: null, requesterId: userId, requester: 'you', requiredApprovals: 1, approverIds: [], separation: { requesterIds: [userId], authorIds: [], authorMayApprove: false } } }));
    case 'request-canary':
      return mapCard(board, action.number, (v) => ({ ...v, pendingRequest: { id: 'pending', kind: 'canary', canaryWeight: action.weight, requesterId: userId, requester: 'you', requiredApprovals: 1, approverIds: [], separation: { requesterIds: [userId], authorIds: [], authorMayApprove: false } } }));
    case 'approve': {
      const card = board.columns.staging.versions.find((v) => v.number === action.number);
      const request = card?.pendingRequest;
      // A canary's share shows when the server answers; the card stays in Staging either way.
      if (!card || !request || request.kind === 'canary' || request.approverIds.length + 1 < request.requiredApprovals) {
        return mapCard(board, action.number, (v) => (v.pendingRequest ? { ...v, pendingRequest: { ...v.pendingRequest, approverIds: [...v.pendingRequest.approverIds, userId] } } : v));
      }
      let next = board;
      if (board.production) next = move(board.production.number, 'archived');
      const { board: lifted } = without(next, action.number);
      const promoted = { ...card, stage: 'production' as const, pendingRequest: null };
      const result = into(lifted, promoted, 'production');
      return { ...result, production: promoted };
    }
    case 'reject':
    case 'cancel':
      return mapCard(board, action.number, (v) => ({ ...v, pendingRequest: null }));
    case 'rollback':
      // The restored version is not on the board (it is archived); keep Production as it is until the
      // server answers, rather than flash an empty column.
      return board;
  }
}

function mapCard(board: BoardData, number: number, fn: (v: VersionCardData) => VersionCardData): BoardData {
  const columns = { ...board.columns };
  for (const stage of Object.keys(columns) as BoardColumn[]) {
    columns[stage] = { ...columns[stage], versions: columns[stage].versions.map((v) => (v.number === number ? fn(v) : v)) };
  }
  return { ...board, columns };
}
