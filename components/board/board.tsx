'use client';

import dynamic from 'next/dynamic';
import { useQuery } from '@tanstack/react-query';
import { BOARD_STAGES } from '@/lib/registry/stages';
import { isRole } from '@/lib/registry/roles';
import { roleOn } from '@/lib/registry/access';
import type { BoardData } from '@/lib/db/queries/board';
import { getJson } from '@/lib/queries/api-error';
import { boardKeys } from '@/lib/queries/keys';
import { RollbackButton } from '@/components/governance/rollback-button';
import type { Viewer } from '@/components/governance/version-actions';
import { ArchivedSection } from './archived-section';
import { BoardHeader } from './board-header';
import type { CardContext } from './card-context';
import { CompareBar, CompareSelectionProvider } from './compare-selection';
import { MetricTrendSkeleton } from './metric-trend-skeleton';
import { StageColumn } from './stage-column';
import { TrafficPanel } from './traffic-panel';
import { SelectVersionsToggle, VersionBulkBar, VersionSelectProvider, versionActionsFor } from './version-select';

// The trend sits below the fold: it loads (chart library and all) after the board, and the server does not
// render it at all, so the board's first answer is the columns alone.
const MetricTrend = dynamic(() => import('./metric-trend').then((m) => m.MetricTrend), { ssr: false, loading: () => <MetricTrendSkeleton /> });

/**
 * A model's release board: Testing → Staging → Production side by side, Archived folded below. Rendered
 * on the server first; the react-query cache then owns it, so actions can move cards optimistically.
 */
export function Board({ initialBoard, viewer }: { initialBoard: BoardData; viewer: Viewer }) {
  const name = initialBoard.model.name;
  const { data: board } = useQuery({
    queryKey: boardKeys.detail(name),
    queryFn: ({ signal }) => getJson<BoardData>(`/api/models/${encodeURIComponent(name)}/board`, signal),
    initialData: initialBoard,
  });
  const context: CardContext = {
    modelName: board.model.name,
    primaryMetric: board.primaryMetric,
    production: board.production ? { number: board.production.number, value: board.production.primaryMetric } : null,
    viewer,
  };
  // The role on this model, as the server reads it; named in the header when a grant sets it apart.
  const here = roleOn(viewer, name);
  const granted = viewer.grants?.[name];
  const rollback = <RollbackButton model={name} viewer={viewer} production={board.production} lastStable={board.model.lastStable} />;
  const versionActions = versionActionsFor(viewer, name);
  return (
    <CompareSelectionProvider>
      <VersionSelectProvider model={name} actions={versionActions}>
        <div className="space-y-6">
          <BoardHeader model={board.model} primaryMetric={board.primaryMetric} redirects={board.redirects} role={isRole(here) ? here : 'viewer'} grantedRole={isRole(granted) && granted !== viewer.role ? granted : null} />
          {board.traffic && <TrafficPanel model={name} traffic={board.traffic} viewer={viewer} />}
          {versionActions.length > 0 && (
            <div className="flex justify-end">
              <SelectVersionsToggle />
            </div>
          )}
          {/* Columns sit side by side from lg up and stack, in flow order, on narrow screens. */}
          <div className="grid items-start gap-4 lg:grid-cols-3">
            {BOARD_STAGES.map((stage) => (
              <StageColumn key={stage} stage={stage} page={board.columns[stage]} count={board.counts[stage]} context={context} actions={stage === 'production' ? rollback : null} />
            ))}
          </div>
          <ArchivedSection context={context} count={board.counts.archived} />
          <VersionBulkBar />
          <CompareBar model={name} />
          <MetricTrend model={name} />
        </div>
      </VersionSelectProvider>
    </CompareSelectionProvider>
  );
}
