import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { SectionCard } from '@/components/ui/card';

/** Every tag and alias of the version, including `failed`, which the header also flags. */
export function LabelsSection({ tags, aliases, children }: { tags: { key: string; value: string }[]; aliases: string[]; children?: ReactNode }) {
  return (
    <SectionCard title="Tags and aliases">
      <div className="space-y-3">
        <div>
          <h3 className="text-xs text-ink-faint">Aliases</h3>
          {aliases.length === 0 ? (
            <p className="mt-0.5 text-sm text-ink-faint">none</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-1">
              {aliases.map((alias) => (
                <li key={alias}>
                  <Badge tone="accent">@{alias}</Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="text-xs text-ink-faint">Tags</h3>
          {tags.length === 0 ? (
            <p className="mt-0.5 text-sm text-ink-faint">none</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-1">
              {tags.map((tag) => (
                <li key={tag.key} className="max-w-full">
                  <Badge tone={tag.key === 'failed' ? 'red' : 'neutral'} title={tag.value ? tag.value.slice(0, 500) : undefined}>
                    <span className="truncate">{tag.value ? `${tag.key}=${tag.value}` : tag.key}</span>
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {children}
    </SectionCard>
  );
}
