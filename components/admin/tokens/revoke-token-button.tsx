'use client';

import { useState } from 'react';
import type { AdminToken } from '@/lib/db/queries/admin';
import { useRevokeToken } from '@/lib/queries/use-admin-tokens';
import { ActionDialog } from '@/components/governance/action-dialog';
import { Button } from '@/components/ui/button';

/** Revoke, after a confirmation that says what stops working. */
export function RevokeTokenButton({ token }: { token: AdminToken }) {
  const revoke = useRevokeToken();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" className="text-red-700 hover:text-red-800 dark:text-red-300 dark:hover:text-red-200" disabled={revoke.isPending} aria-label={`Revoke ${token.name}`} onClick={() => setOpen(true)}>
        Revoke
      </Button>
      {open && (
        <ActionDialog
          open
          onClose={() => setOpen(false)}
          title={`Revoke “${token.name}”?`}
          description={`Calls with ${token.prefix}… are refused from now on. The token stays in the list as revoked; it cannot be reactivated.`}
          confirmLabel="Revoke token"
          danger
          onConfirm={() => revoke.mutate({ id: token.id, name: token.name })}
        />
      )}
    </>
  );
}
