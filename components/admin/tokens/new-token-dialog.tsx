'use client';

import type { Role } from '@/lib/registry';
import { useCreateToken, type CreatedToken } from '@/lib/queries/use-admin-tokens';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { ShownOnce, ShownOnceStep, useCreatedOnce } from '../shown-once';
import { NewTokenForm } from './new-token-form';
import type { ServiceAccountOption } from './token-owner';

interface NewTokenDialogProps {
  open: boolean;
  onClose: () => void;
  you: { email: string; role: Role };
  serviceAccounts: ServiceAccountOption[];
  models: string[];
}

/** Creates a token, then shows its secret this one time with a ready-to-run curl line. */
export function NewTokenDialog({ open, onClose, you, serviceAccounts, models }: NewTokenDialogProps) {
  const create = useCreateToken();
  const { created, setCreated, close } = useCreatedOnce<{ token: CreatedToken; model: string | null }>(create, onClose);

  return (
    <Dialog
      open={open}
      onClose={close}
      title={created ? `Token “${created.token.record.name}” created` : 'New API token'}
      description={created ? undefined : 'It belongs to you or to a service account, and can do no more than its owner.'}
    >
      {created ? (
        <ShownOnceStep onDone={close}>
          <ShownOnce label="API token" value={created.token.token} warning="Copy it now: only a hash is stored, so this is the only time anyone can see it. If it is lost, revoke it and create another." />
          <CurlExample token={created.token.token} model={created.model ?? models[0] ?? 'MODEL'} serving={created.token.record.kind === 'serving'} />
        </ShownOnceStep>
      ) : (
        <NewTokenForm
          you={you}
          serviceAccounts={serviceAccounts}
          models={models}
          pending={create.isPending}
          onCancel={close}
          onSubmit={(input) => create.mutate(input, { onSuccess: (token) => setCreated({ token, model: input.model ?? null }) })}
        />
      )}
    </Dialog>
  );
}

function CurlExample({ token, model, serving }: { token: string; model: string; serving: boolean }) {
  const path = serving ? `/api/v1/models/${encodeURIComponent(model)}/resolve?stage=production` : `/api/models/${encodeURIComponent(model)}/board`;
  const command = `curl -H "Authorization: Bearer ${token}" "${window.location.origin}${path}"`;
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
