import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/** An admin panel's heading (named by `id` for its section), what it is for, and its "New …" button. */
export function PanelHeader({ id, title, children, action }: { id: string; title: string; children: ReactNode; action: { icon: LucideIcon; label: string; onClick: () => void } }) {
  const Icon = action.icon;
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-ink-muted">{children}</p>
      </div>
      <Button variant="primary" onClick={action.onClick}>
        <Icon aria-hidden className="size-4" /> {action.label}
      </Button>
    </div>
  );
}
