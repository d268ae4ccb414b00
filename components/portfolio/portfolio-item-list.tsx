import type { PortfolioItemResult, PortfolioOutcome } from '@/lib/registry/portfolio';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const GROUPS: { outcome: PortfolioOutcome; title: string; preview: string; tone: BadgeTone }[] = [
  { outcome: 'refused', title: 'Refused', preview: 'Will be refused', tone: 'red' },
  { outcome: 'changed', title: 'Changed', preview: 'Will change', tone: 'emerald' },
  { outcome: 'unchanged', title: 'Unchanged', preview: 'Unchanged', tone: 'zinc' },
];

/** The items of a preview or result, grouped by outcome: refusals first, with their code and reason. */
export function PortfolioItemList({ items, preview }: { items: PortfolioItemResult[]; preview?: boolean }) {
  return (
    // Focusable, so a keyboard can scroll a long list (axe: scrollable-region-focusable).
    <div role="group" aria-label={preview ? 'What the action would do, per item' : 'Outcome per item'} tabIndex={0} className="max-h-[50vh] space-y-4 overflow-y-auto rounded-md pr-1 focus-visible:outline-2 focus-visible:outline-accent">
      {GROUPS.map((group) => {
        const rows = items.filter((i) => i.outcome === group.outcome);
        if (rows.length === 0) return null;
        return (
          <section key={group.outcome} aria-label={`${preview ? group.preview : group.title} (${rows.length})`}>
            <h3 className="mb-1.5 flex items-center gap-2 text-sm font-semibold text-ink">
              <Badge tone={group.tone}>{rows.length}</Badge>
              {preview ? group.preview : group.title}
            </h3>
            <ul className="divide-y divide-line rounded-md border border-line">
              {rows.map((item) => (
                <li key={item.key} className="px-3 py-2 text-sm">
                  <p className="font-mono text-xs font-medium break-all text-ink">{item.key}</p>
                  {item.outcome === 'changed' ? (
                    <>
                      <p className="mt-0.5 text-ink-muted break-words">
                        <span>{item.before}</span> <span aria-label="becomes">→</span> <span className="text-ink">{item.after}</span>
                      </p>
                      {item.events.length > 0 && (
                        <p className="mt-0.5 text-xs text-ink-muted">
                          Audit: <span className="font-mono">{item.events.join(', ')}</span>
                        </p>
                      )}
                    </>
                  ) : (
                    <p className="mt-0.5 text-ink-muted break-words">
                      {item.code && <span className="mr-1.5 font-mono text-xs text-red-700 dark:text-red-300">{item.code}</span>}
                      {item.reason}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
