import type { Stage } from './stages';

/*
 * Data sources as lineage sees them. A version records its training data as "<source>@<data version>",
 * e.g. "s3://datalake/payments/transactions@2026-08-01": the part before the last "@" names the source,
 * the part after it the snapshot. An "@" inside the authority ("postgres://user@host/db") is not a
 * version marker, so only an "@" after the last "/" counts. The SQL in lib/db/queries/lineage.ts applies
 * the same rule (`regexp_replace(source, '@[^/@]+$', '')`).
 */
export function splitDataSource(uri: string): { source: string; version: string | null } {
  const at = uri.lastIndexOf('@');
  if (at <= uri.lastIndexOf('/') || at === uri.length - 1) return { source: uri, version: null };
  return { source: uri.slice(0, at), version: uri.slice(at + 1) };
}

/** The impact page of a data source (optionally one snapshot of it); the URI travels as a query value. */
export function dataSourceHref(source: string, version?: string | null): string {
  const params = new URLSearchParams({ uri: source });
  if (version) params.set('version', version);
  return `/data-sources?${params}`;
}

/** Impact lists what serves traffic first: a data bug matters most where a version is live. */
export const IMPACT_STAGE_ORDER: readonly Stage[] = ['production', 'staging', 'testing', 'archived'];

export function impactRank(stage: Stage): number {
  return IMPACT_STAGE_ORDER.indexOf(stage);
}
