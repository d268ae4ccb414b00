'use client';

import type { AdminUser } from '@/lib/db/queries/admin';
import { useCreateToken, type CreatedToken } from '@/lib/queries/use-admin-tokens';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { ShownOnce, ShownOnceStep, useCreatedOnce } from '../shown-once';
import { NewTokenForm } from './new-token-form';

interface NewTokenDialogProps {
  open: boolean;
  onClose: () => void;
  users: Pick<AdminUser, 'id' | 'email' | 'name' | 'role' | 'disabled'>[];
  models: string[];
  currentUserId: string;
}

/** Creates a token, then shows its secret this one time with a ready-to-run curl line. */
export function NewTokenDialog({ open, onClose, users, models, currentUserId }: NewTokenDialogProps) {
  const create = useCreateToken();
  const { created, setCreated, close } = useCreatedOnce<{ token: CreatedToken; model: string | null }>(create, onClose);

  return (
    <Dialog
      open={open}
      onClose={close}
      title={created ? `Token “${created.token.record.name}” created` : 'New API token'}
      description={created ? undefined : 'The token acts as its owner, limited to the role and model you choose here.'}
    >
      {created ? (
        <ShownOnceStep onDone={close}>
          <ShownOnce label="API token" value={created.token.token} warning="Copy it now: only a hash is stored, so this is the only time anyone can see it. If it is lost, revoke it and create another." />
          <CurlExample token={created.token.token} model={created.model ?? models[0] ?? 'MODEL'} />
        </ShownOnceStep>
      ) : (
        <NewTokenForm
          users={users}
          models={models}
          currentUserId={currentUserId}
          pending={create.isPending}
          onCancel={close}
          onSubmit={(input) => create.mutate(input, { onSuccess: (token) => setCreated({ token, model: input.model ?? null }) })}
        />
      )}
    </Dialog>
  );
}

function CurlExample({ token, model }: { token: string; model: string }) {
  const command = `curl -H "Authorization: Bearer ${token}" ${window.location.origin}/api/v1/models/${encodeURIComponent(model)}`;
  return (
    <div>
      <p className="text-sm font-medium text-ink">Try it</p>
      <div className="mt-1 flex items-start gap-1 rounded-md bg-zinc-900 px-3 py-2 text-zinc-100 dark:bg-black/40">
        <code className="min-w-0 flex-1 font-mono text-xs leading-5 break-all">{command}</code>
        <CopyButton value={command} label="Copy curl command" className="text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100" />
      </div>
    </div>
  );
}
