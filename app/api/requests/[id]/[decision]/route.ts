// POST /api/requests/:id/{approve|reject|cancel} – decide on or withdraw a promotion request
import { NextResponse } from 'next/server';
import { canAnywhere, denialReason, RegistryError } from '@/lib/registry';
import { readJson, withUser } from '@/lib/http/handler';
import { cancelRequest } from '@/lib/services/cancel-request';
import { decideRequest } from '@/lib/services/decide-request';
import { ZDecisionBody, ZRejectBody, ZRequestId } from '@/lib/validations/actions';

export const POST = withUser<{ id: string; decision: string }>(
  async ({ req, params, user }) => {
    const { id } = ZRequestId.parse(params);
    // Refuse callers who can decide nowhere before reading what they sent.
    if (params.decision !== 'cancel' && !canAnywhere(user, 'request.decide')) {
      throw new RegistryError('FORBIDDEN', `${denialReason(user.role, 'request.decide')}.`);
    }
    const json = await readJson(req);
    switch (params.decision) {
      case 'approve': {
        const body = ZDecisionBody.parse(json);
        return NextResponse.json(await decideRequest(user, { requestId: id, decision: 'approve', comment: body.comment, expectedProduction: body.expectedProduction }));
      }
      case 'reject': {
        const body = ZRejectBody.parse(json);
        return NextResponse.json(await decideRequest(user, { requestId: id, decision: 'reject', comment: body.comment }));
      }
      case 'cancel': {
        const body = ZDecisionBody.parse(json);
        return NextResponse.json(await cancelRequest(user, { requestId: id, comment: body.comment }));
      }
      default:
        throw new RegistryError('NOT_FOUND', `Unknown action "${params.decision}".`);
    }
  },
  // Approve/reject need request.decide and cancel needs the requester; the services check each.
  { permission: 'registry.read' },
);
