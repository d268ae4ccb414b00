'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

interface WithdrawDialogProps {
  open: boolean;
  onClose: () => void;
  /** An admin withdrawing another person's comment says why. */
  needsReason: boolean;
  author: string;
  busy: boolean;
  onConfirm: (reason?: string) => Promise<unknown>;
}

export function WithdrawDialog({ open, onClose, needsReason, author, busy, onConfirm }: WithdrawDialogProps) {
  const [reason, setReason] = useState('');
  const missing = needsReason && reason.trim().length === 0;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={needsReason ? `Withdraw ${author}'s comment?` : 'Withdraw your comment?'}
      description="The thread will show that it was withdrawn. Its text stays in the audit history, which nobody can edit."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!missing) void onConfirm(needsReason ? reason.trim() : undefined).catch(() => {});
        }}
        className="space-y-4"
      >
        {needsReason && (
          <div>
            <label htmlFor="withdraw-reason" className="mb-1 block text-sm font-medium">
              Reason (recorded in the audit history)
            </label>
            <input
              id="withdraw-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              required
              className="block h-9 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-ink focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30"
            />
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Keep it
          </Button>
          <Button type="submit" variant="primary" disabled={missing || busy}>
            {busy ? 'Withdrawing…' : 'Withdraw'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
