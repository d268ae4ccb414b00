import type { ReactNode } from 'react';
import { STAGE_LABELS } from '@/lib/registry/stages';
import { STAGE_DOT } from '@/components/registry/stage-style';

export type BoardStage = 'testing' | 'staging' | 'production';

export const COLUMN = 'flex min-w-0 flex-col rounded-xl border border-line bg-surface-muted/50 p-3';

/** A column's name, count and actions; shared by the column and its skeleton, so both line up. */
export function ColumnHeading({ stage, count, actions }: { stage: BoardStage; count: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex min-h-8 items-center gap-2 px-1">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-ink">
        <span aria-hidden className={`size-2 rounded-full ${STAGE_DOT[stage]}`} />
        {STAGE_LABELS[stage]}
      </h2>
      <span className="ml-auto rounded-full bg-surface px-2 py-0.5 text-xs font-medium text-ink-muted tabular-nums ring-1 ring-line">{count}</span>
      {actions}
    </div>
  );
}
