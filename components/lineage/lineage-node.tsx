import Link from 'next/link';
import type { ReactNode } from 'react';
import { STAGE_LABELS, type Stage } from '@/lib/registry';
import { STAGE_DOT } from '@/components/registry/stage-style';
import { cx } from '@/components/ui/cx';

const NODE = 'relative z-10 block rounded-lg border bg-surface px-3 py-2 text-left text-sm shadow-xs';

export interface VersionNodeData {
  id: string;
  model: string;
  number: number;
  semver: string;
  stage: Stage;
}

/** A model version in the graph; a link to its page, except the one in focus. */
export function VersionNode({ node, currentModel, focus = false }: { node: VersionNodeData; currentModel: string; focus?: boolean }) {
  const body = (
    <>
      <span className="flex items-baseline gap-1.5">
        {/* Lineage can cross models (a distilled or fine-tuned child), so name the model when it differs. */}
        {node.model !== currentModel && <span className="truncate text-xs text-ink-muted">{node.model}</span>}
        <span className="font-semibold text-ink">v{node.number}</span>
        <span className="font-mono text-xs text-ink-muted">{node.semver}</span>
      </span>
      <span className="mt-0.5 flex items-center gap-1.5 text-xs text-ink-muted">
        <span aria-hidden className={cx('size-2 rounded-full', STAGE_DOT[node.stage])} />
        {STAGE_LABELS[node.stage]}
      </span>
    </>
  );
  if (focus) {
    return (
      <div data-node-id={node.id} aria-current="true" className={cx(NODE, 'border-accent ring-2 ring-accent/30')}>
        {body}
      </div>
    );
  }
  return (
    <Link data-node-id={node.id} href={`/models/${encodeURIComponent(node.model)}/versions/${node.number}`} className={cx(NODE, 'border-line hover:border-line-strong hover:shadow-sm')}>
      {body}
    </Link>
  );
}

/** An input that is not a version: a data source, a commit, the feature schema. */
export function InputNode({ id, kind, href, children, title }: { id: string; kind: string; href?: string; children: ReactNode; title?: string }) {
  const body = (
    <>
      <span className="block text-[11px] font-medium tracking-wide text-ink-faint uppercase">{kind}</span>
      <span className="mt-0.5 block min-w-0 text-xs break-all text-ink">{children}</span>
    </>
  );
  const className = cx(NODE, 'border-dashed border-line-strong');
  return href ? (
    <Link data-node-id={id} href={href} title={title} className={cx(className, 'hover:border-accent hover:shadow-sm')}>
      {body}
    </Link>
  ) : (
    <div data-node-id={id} title={title} className={className}>
      {body}
    </div>
  );
}
