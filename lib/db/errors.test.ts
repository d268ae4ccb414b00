import { describe, expect, it } from 'vitest';
import { RegistryError } from '@/lib/registry';
import { mapDbError } from './errors';

describe('mapDbError: a database that went away is a 503, never a 500', () => {
  it.each([
    ['refused', { message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    ['terminated by a restart', { message: 'terminating connection due to administrator command', code: '57P01' }],
    ['starting up', { message: 'the database system is starting up' }],
    ['a pooled client that already saw the drop', { message: 'Client has encountered a connection error and is not queryable' }],
    ['Prisma cannot reach the server', { code: 'P1001', message: "Can't reach database server" }],
    ['a raw query that cannot reach it', { code: 'P2010', message: "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5432`" }],
    ['driver adapter with the original code', { message: 'x', meta: { driverAdapterError: { cause: { originalCode: '08006' } } } }],
  ])('%s', (_, error) => {
    const mapped = mapDbError(error);
    expect(mapped).toBeInstanceOf(RegistryError);
    expect(mapped).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('leaves unrelated failures alone, so real bugs still surface as 500s', () => {
    const bug = new TypeError('cannot read properties of undefined');
    expect(mapDbError(bug)).toBe(bug);
  });
});
