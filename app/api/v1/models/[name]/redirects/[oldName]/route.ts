// DELETE /api/v1/models/:name/redirects/:oldName – stop resolving a former name (approver; audited)
import { NextResponse } from 'next/server';
import { withUser } from '@/lib/http/handler';
import { removeModelRedirect } from '@/lib/services/remove-model-redirect';
import { ZRedirectParams } from '@/lib/validations/actions';

export const DELETE = withUser<{ name: string; oldName: string }>(
  async ({ params, user }) => {
    const { name, oldName } = ZRedirectParams.parse(params);
    return NextResponse.json(await removeModelRedirect(user, { model: name, oldName }));
  },
  { permission: 'model.rename-served' },
);
