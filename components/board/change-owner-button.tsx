'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import { UserCog } from 'lucide-react';
import { Button } from '@/components/ui/button';

// Loaded when opened: most viewers of a board never change its owner (first-load JS).
const ChangeOwnerDialog = dynamic(() => import('./change-owner-dialog').then((m) => m.ChangeOwnerDialog), { ssr: false });

/**
 * "Change owner" beside the model's owner: PUT /api/v1/models/:name/owner, the same service (and
 * model.transfer permission, and model.updated audit event) as the portfolio's bulk change-owner.
 */
export function ChangeOwnerButton({ model, owner }: { model: string; owner: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" className="h-6 px-1.5 text-xs" aria-label={`Change the owner of ${model}`} onClick={() => setOpen(true)}>
        <UserCog aria-hidden className="size-3.5" />
        Change
      </Button>
      {open && <ChangeOwnerDialog model={model} owner={owner} onClose={() => setOpen(false)} />}
    </>
  );
}

