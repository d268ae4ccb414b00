import { formatExactTime, formatRelativeTime } from './time-format';

/** "3 days ago", with the exact UTC time on hover and in `dateTime` for machines. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={formatExactTime(iso)} className={className}>
      {formatRelativeTime(iso)}
    </time>
  );
}
