import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TrendData } from '@/lib/db/queries/trend';
import { getJson } from './api-error';
import { trendKeys } from './keys';

export function fetchTrend(model: string, metric: string | null, evaluationSet: string | null, signal?: AbortSignal): Promise<TrendData> {
  const params = new URLSearchParams();
  if (metric) params.set('metric', metric);
  if (evaluationSet) params.set('evaluationSet', evaluationSet);
  const query = params.size > 0 ? `?${params}` : '';
  return getJson<TrendData>(`/api/models/${encodeURIComponent(model)}/trend${query}`, signal);
}

/**
 * One metric across every version of a model (sampled on the server above 500 versions). The previous
 * line stays on screen while another metric loads, so the chart does not collapse and jump.
 */
export function useMetricTrend(model: string, metric: string | null, evaluationSet: string | null) {
  return useQuery({
    queryKey: trendKeys.metric(model, metric, evaluationSet),
    queryFn: ({ signal }) => fetchTrend(model, metric, evaluationSet, signal),
    placeholderData: keepPreviousData,
  });
}
