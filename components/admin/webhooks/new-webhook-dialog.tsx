'use client';

import { useCreateWebhook, type CreatedWebhook } from '@/lib/queries/use-admin-webhooks';
import { Dialog } from '@/components/ui/dialog';
import { ShownOnce, ShownOnceStep, useCreatedOnce } from '../shown-once';
import { NewWebhookForm } from './new-webhook-form';
import { SignatureHelp } from './signature-help';

/** Adds a webhook, then shows its signing secret this one time with how a receiver checks it. */
export function NewWebhookDialog({ open, onClose, models }: { open: boolean; onClose: () => void; models: string[] }) {
  const create = useCreateWebhook();
  const { created, setCreated, close } = useCreatedOnce<CreatedWebhook>(create, onClose);

  return (
    <Dialog
      open={open}
      onClose={close}
      title={created ? 'Webhook added' : 'New webhook'}
      description={created ? <span className="font-mono break-all">{created.url}</span> : 'Modelgate POSTs each subscribed event to this URL: as signed JSON, or as a chat message for a Slack or Teams channel.'}
    >
      {created?.format === 'chat' ? (
        <ShownOnceStep onDone={close}>
          <p className="text-sm text-ink-muted">
            Each subscribed event now arrives in the channel as one line naming the model, version, stages and who acted, with a link to the version. Chat receivers check no
            signature: keep the URL secret instead.
          </p>
        </ShownOnceStep>
      ) : created ? (
        <ShownOnceStep onDone={close}>
          <ShownOnce
            label="Signing secret"
            value={created.secret}
            warning="Copy it now into your receiver's configuration: this is the only time Modelgate shows it. If it is lost, remove the webhook and add another."
          />
          <SignatureHelp />
        </ShownOnceStep>
      ) : (
        <NewWebhookForm models={models} pending={create.isPending} onCancel={close} onSubmit={(input) => create.mutate(input, { onSuccess: setCreated })} />
      )}
    </Dialog>
  );
}
