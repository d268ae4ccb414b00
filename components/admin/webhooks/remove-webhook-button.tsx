'use client';

import { useState } from 'react';
import { useRemoveWebhook, type AdminWebhook } from '@/lib/queries/use-admin-webhooks';
import { ActionDialog } from '@/components/governance/action-dialog';
import { Button } from '@/components/ui/button';

/** Remove, after a confirmation that says what stops and what stays. */
export function RemoveWebhookButton({ hook }: { hook: AdminWebhook }) {
  const remove = useRemoveWebhook();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" className="text-red-700 hover:text-red-800 dark:text-red-300 dark:hover:text-red-200" disabled={remove.isPending} aria-label={`Remove webhook to ${hook.url}`} onClick={() => setOpen(true)}>
        Remove
      </Button>
      {open && (
        <ActionDialog
          open
          onClose={() => setOpen(false)}
          title="Remove this webhook?"
          description={
            <>
              Modelgate stops sending to <span className="font-mono break-all">{hook.url}</span> and cancels deliveries still waiting. Its delivery log stays here; a removed webhook cannot be
              turned back on.
            </>
          }
          confirmLabel="Remove webhook"
          danger
          onConfirm={() => remove.mutate({ id: hook.id, url: hook.url })}
        />
      )}
    </>
  );
}
