import { useInfiniteQuery } from '@tanstack/react-query';
import type { StagePage } from '@/lib/db/queries/board';
import type { Stage } from '@/lib/registry/stages';
import { getJson } from './api-error';
import { versionKeys } from './keys';

const PAGE_SIZE = 20;

export function fetchStagePage(model: string, stage: Stage, before: number | null, signal?: AbortSignal): Promise<StagePage> {
  const params = new URLSearchParams({ stage, limit: String(PAGE_SIZE) });
  if (before !== null) params.set('before', String(before));
  return getJson<StagePage>(`/api/models/${encodeURIComponent(model)}/versions?${params}`, signal);
}

interface UseStageVersionsArgs {
  model: string;
  stage: Stage;
  /** Continue after this version number (the server-rendered page's `nextBefore`); null starts at the newest. */
  startBefore: number | null;
  /** Nothing is fetched until this is true, so a collapsed or untouched column costs no request. */
  enabled: boolean;
}

/**
 * Older versions of one stage, a page at a time by keyset (`before`), for "Load more" and the Archived
 * section. Only pages the user asks for are fetched: a model with 10,000 versions costs the same as one
 * with 10 until someone scrolls back.
 */
export function useStageVersions({ model, stage, startBefore, enabled }: UseStageVersionsArgs) {
  return useInfiniteQuery({
    queryKey: versionKeys.stagePages(model, stage, startBefore),
    queryFn: ({ pageParam, signal }) => fetchStagePage(model, stage, pageParam, signal),
    initialPageParam: startBefore,
    getNextPageParam: (last) => last.nextBefore,
    enabled,
  });
}
