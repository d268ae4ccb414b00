import type { ReactNode } from 'react';
import { Button } from './button';

/** A form's last row: Cancel, then the submit button (disabled while the request runs). */
export function FormActions({ onCancel, disabled, children }: { onCancel: () => void; disabled: boolean; children: ReactNode }) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant="primary" disabled={disabled}>
        {children}
      </Button>
    </div>
  );
}
