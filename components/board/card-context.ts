import type { Viewer } from '@/components/governance/version-actions';
import type { MetricDirection } from '@/lib/registry';

/**
 * What every card on one board shares: the model, its primary metric, and the Production version the
 * cards compare against. Plain data, so server columns and client "Load more" lists pass the same thing.
 */
export interface CardContext {
  modelName: string;
  primaryMetric: { key: string; direction: MetricDirection } | null;
  production: { number: number; value: number | null } | null;
  /** Who is looking: decides which actions each card offers (the server checks again). */
  viewer: Viewer;
}
