'use client';

import { useId } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';

interface ActionButtonProps {
  label: string;
  onClick: () => void;
  /** Why the action is not possible now; the button stays focusable and says so on hover and to screen readers. */
  disabledReason?: string | null;
  variant?: ButtonVariant;
  pending?: boolean;
}

export function ActionButton({ label, onClick, disabledReason, variant = 'secondary', pending }: ActionButtonProps) {
  const reasonId = useId();
  const disabled = !!disabledReason || pending;
  return (
    <>
      <Button
        size="sm"
        variant={variant}
        aria-disabled={disabled || undefined}
        aria-describedby={disabledReason ? reasonId : undefined}
        title={disabledReason ?? undefined}
        onClick={disabled ? undefined : onClick}
        className="relative z-10 aria-disabled:pointer-events-auto aria-disabled:cursor-not-allowed"
      >
        {label}
      </Button>
      {disabledReason && (
        <span id={reasonId} className="sr-only">
          {disabledReason}
        </span>
      )}
    </>
  );
}
