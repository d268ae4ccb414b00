import { describe, expect, it } from 'vitest';
import { rollbackTarget, type ProductionHolder } from './rollback';

const h = (versionId: string, stage: ProductionHolder['stage'], failed = false): ProductionHolder => ({ versionId, stage, failed });

describe('rollbackTarget', () => {
  it('is the most recent earlier holder that is archived and did not fail', () => {
    expect(rollbackTarget([h('v3', 'production'), h('v2', 'archived'), h('v1', 'archived')], ['v3'])?.versionId).toBe('v2');
  });

  it('skips a holder restored to Testing or promoted again, and one tagged failed', () => {
    const holders = [h('v4', 'production'), h('v3', 'archived', true), h('v2', 'testing'), h('v1', 'archived')];
    expect(rollbackTarget(holders, ['v4'])?.versionId).toBe('v1');
  });

  it('never picks an excluded version, nor the one in Production', () => {
    expect(rollbackTarget([h('v2', 'production'), h('v1', 'archived')], ['v1'])).toBeNull();
    expect(rollbackTarget([h('v2', 'production')], [])).toBeNull();
  });

  it('reads a version that held Production twice by its latest period', () => {
    expect(rollbackTarget([h('v1', 'archived'), h('v2', 'archived'), h('v1', 'archived')], [])?.versionId).toBe('v1');
  });
});
