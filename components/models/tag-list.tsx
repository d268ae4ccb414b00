import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';

/** A model's tags as badges; nothing when it has none. */
export function TagList({ tags, className }: { tags: string[]; className?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label="Tags" className={cx('flex flex-wrap gap-1', className)}>
      {tags.map((tag) => (
        <li key={tag} className="max-w-full">
          {/* Tags may hold 100,000 characters (MLflow 3): one line, cut with an ellipsis; the start in the tooltip. */}
          <Badge title={tag.slice(0, 500)}>
            <span className="truncate">{tag}</span>
          </Badge>
        </li>
      ))}
    </ul>
  );
}
