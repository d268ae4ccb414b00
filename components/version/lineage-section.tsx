import Link from 'next/link';
import { SectionCard } from '@/components/ui/card';

type LineageLink = { number: number; semver: string; model: { name: string } };

function LineageList({ label, links, currentModel }: { label: string; links: LineageLink[]; currentModel: string }) {
  return (
    <div>
      <h3 className="text-xs text-ink-faint">{label}</h3>
      {links.length === 0 ? (
        <p className="mt-0.5 text-sm text-ink-faint">none</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {links.map((link) => (
            <li key={`${link.model.name}/${link.number}`}>
              <Link
                href={`/models/${encodeURIComponent(link.model.name)}/versions/${link.number}`}
                className="text-sm text-accent-text hover:underline"
              >
                {/* Lineage can cross models (a distilled or fine-tuned child), so name the model when it differs. */}
                {link.model.name !== currentModel && `${link.model.name} `}v{link.number}
              </Link>{' '}
              <span className="font-mono text-xs text-ink-muted">{link.semver}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function LineageSection({ modelName, parents, descendants }: { modelName: string; parents: LineageLink[]; descendants: LineageLink[] }) {
  return (
    <SectionCard title="Lineage">
      <div className="grid grid-cols-2 gap-4">
        <LineageList label="Parents" links={parents} currentModel={modelName} />
        <LineageList label="Children" links={descendants} currentModel={modelName} />
      </div>
    </SectionCard>
  );
}
