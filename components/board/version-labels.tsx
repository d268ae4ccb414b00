import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';

const MAX_TAGS = 4;

/**
 * Aliases (`@champion`) and tags (`key=value`) as small badges. `failed` is left out: it has its own red
 * badge. Cards stay short, so only the first few tags show; the version page lists them all.
 */
export function VersionLabels({ tags, aliases, className }: { tags: { key: string; value: string }[]; aliases: string[]; className?: string }) {
  const shown = tags.filter((t) => t.key !== 'failed');
  if (shown.length === 0 && aliases.length === 0) return null;
  const hidden = shown.length - MAX_TAGS;
  return (
    <ul aria-label="Aliases and tags" className={cx('flex flex-wrap gap-1', className)}>
      {aliases.map((alias) => (
        <li key={`@${alias}`}>
          <Badge tone="accent" title="Alias">@{alias}</Badge>
        </li>
      ))}
      {shown.slice(0, MAX_TAGS).map((tag) => (
        <li key={tag.key} className="max-w-full">
          <Badge title={tag.value ? `${tag.key}=${tag.value}` : tag.key}>
            <span className="truncate">{tag.value ? `${tag.key}=${tag.value}` : tag.key}</span>
          </Badge>
        </li>
      ))}
      {hidden > 0 && (
        <li>
          <Badge>+{hidden} more</Badge>
        </li>
      )}
    </ul>
  );
}
