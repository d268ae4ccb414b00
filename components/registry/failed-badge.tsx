import { CircleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';

/** Marks a version that was rolled back; the reason is in the tooltip and for screen readers. */
export function FailedBadge({ reason, className }: { reason: string; className?: string }) {
  return (
    <Badge tone="red" title={reason || 'Rolled back'} className={className}>
      <CircleAlert aria-hidden className="size-3" />
      failed
      {reason && <span className="sr-only">: {reason}</span>}
    </Badge>
  );
}

/** The `failed` tag's reason, or null when the version has no such tag. */
export function failedReason(tags: { key: string; value: string }[]): string | null {
  return tags.find((t) => t.key === 'failed')?.value ?? null;
}
