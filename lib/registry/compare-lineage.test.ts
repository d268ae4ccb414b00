import { describe, expect, it } from 'vitest';
import { dataSourceHref, impactRank, splitDataSource } from './compare-lineage';

describe('splitDataSource', () => {
  it.each([
    ['s3://datalake/payments/transactions@2026-08-01', 's3://datalake/payments/transactions', '2026-08-01'],
    ['bigquery://analytics/subscriptions@2026-04', 'bigquery://analytics/subscriptions', '2026-04'],
    ['s3://datalake/payments/transactions', 's3://datalake/payments/transactions', null],
    // An "@" in the authority is a user, not a version.
    ['postgres://reader@warehouse/property_sales', 'postgres://reader@warehouse/property_sales', null],
    ['postgres://reader@warehouse/property_sales@2026-Q1', 'postgres://reader@warehouse/property_sales', '2026-Q1'],
    ['s3://bucket/x@', 's3://bucket/x@', null],
  ])('%s', (uri, source, version) => {
    expect(splitDataSource(uri)).toEqual({ source, version });
  });
});

describe('dataSourceHref', () => {
  it('round-trips a URI with "://", "/" and "@" through the query string', () => {
    const href = dataSourceHref('postgres://reader@warehouse/a b&c', '2026-Q1');
    const url = new URL(href, 'http://localhost');
    expect(url.pathname).toBe('/data-sources');
    expect(url.searchParams.get('uri')).toBe('postgres://reader@warehouse/a b&c');
    expect(url.searchParams.get('version')).toBe('2026-Q1');
  });
});

describe('impactRank', () => {
  it('lists Production, then Staging, then the rest', () => {
    expect((['archived', 'testing', 'production', 'staging'] as const).toSorted((a, b) => impactRank(a) - impactRank(b))).toEqual(['production', 'staging', 'testing', 'archived']);
  });
});
