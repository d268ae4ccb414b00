import { describe, expect, it } from 'vitest';
import {
  availablePortfolioActions,
  canonicalJson,
  countOutcomes,
  MAX_PORTFOLIO_ITEMS,
  portfolioCsvRows,
  portfolioItemKey,
  PORTFOLIO_PERMISSIONS,
  staleSincePreview,
  tagsText,
  withoutTagKey,
  type PortfolioItemResult,
} from './portfolio';
import { simpleMove } from './stages';

describe('portfolio bulk actions: the pure parts', () => {
  it('asks for the permission of the one-item action each bulk action stands for', () => {
    expect(PORTFOLIO_PERMISSIONS.archive).toBe(simpleMove('archive').permission);
    expect(PORTFOLIO_PERMISSIONS['add-tag']).toBe('version.edit');
    expect(PORTFOLIO_PERMISSIONS['apply-policy']).toBe('policies.manage');
    expect(MAX_PORTFOLIO_ITEMS).toBe(200);
  });

  it('offers each person the actions they may take somewhere: a viewer with a grant gets tags and archive there', () => {
    expect(availablePortfolioActions({ role: 'viewer' })).toEqual([]);
    expect(availablePortfolioActions({ role: 'scientist' })).toEqual(['add-tag', 'remove-tag', 'archive']);
    expect(availablePortfolioActions({ role: 'admin' })).toEqual(['add-tag', 'remove-tag', 'archive', 'apply-policy', 'change-owner']);
    expect(availablePortfolioActions({ role: 'viewer', grants: { fraud: 'admin' } })).toEqual(['add-tag', 'remove-tag', 'archive', 'change-owner']);
    // A token restricted to one model never edits a registry-wide policy.
    expect(availablePortfolioActions({ role: 'admin', modelScope: 'fraud' })).not.toContain('apply-policy');
  });

  it('names items and counts outcomes', () => {
    expect(portfolioItemKey('fraud', null)).toBe('fraud');
    expect(portfolioItemKey('fraud', 3)).toBe('fraud/v3');
    expect(countOutcomes([{ outcome: 'changed' }, { outcome: 'refused' }, { outcome: 'changed' }])).toEqual({ pending: 0, changed: 2, unchanged: 0, refused: 1 });
  });

  it('describes tags, and removes every tag of a key as the tag service does', () => {
    expect(tagsText([])).toBe('(no tags)');
    expect(tagsText(['fraud', 'team=risk'])).toBe('fraud, team=risk');
    expect(withoutTagKey(['team=risk', 'team', 'fraud', 'teams=x'], 'team')).toEqual(['fraud', 'teams=x']);
  });

  it('holds a preview against the state now: a difference is a refusal that says both', () => {
    expect(staleSincePreview(null, 'a')).toBeNull();
    expect(staleSincePreview('a', 'a')).toBeNull();
    expect(staleSincePreview('(no tags)', 'tier=gold')).toContain('it showed “(no tags)”, it is now “tier=gold”');
  });

  it('compares policies whatever the order of their keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: [2, { e: 0, f: 1 }] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('writes result rows with a header, one row per item', () => {
    const refused: PortfolioItemResult = { key: 'fraud/v3', model: 'fraud', version: 3, outcome: 'refused', code: 'INVALID_TRANSITION', reason: 'v3 is in Production', before: 'Production', after: null, events: [] };
    const archived: PortfolioItemResult = { ...refused, key: 'fraud/v4', version: 4, outcome: 'changed', code: null, reason: null, before: 'Staging', after: 'Archived', events: ['version.archived', 'promotion.cancelled'] };
    expect(portfolioCsvRows([refused, archived])).toEqual([
      ['item', 'model', 'version', 'outcome', 'code', 'reason', 'before', 'after', 'audit_events'],
      ['fraud/v3', 'fraud', 3, 'refused', 'INVALID_TRANSITION', 'v3 is in Production', 'Production', null, ''],
      ['fraud/v4', 'fraud', 4, 'changed', null, null, 'Staging', 'Archived', 'version.archived promotion.cancelled'],
    ]);
  });
});
