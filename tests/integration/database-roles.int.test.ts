// The app connects as a runtime role that owns nothing: whatever its code is made to do, it cannot rewrite
// or remove audit history, switch a guard off, or change the schema. (Every integration test runs as this
// role, so every test also exercises these grants.)
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { register, seedModel, seedUser } from '../fixtures';
import { asOwner } from './owner-sql';

const refused = /permission denied|must be owner/;

describe('the runtime role', () => {
  it('is not a superuser and owns no table, sequence or function', async () => {
    const [role] = await db.$queryRaw<{ superuser: boolean; owned: bigint; createrole: boolean; createdb: boolean }[]>`
      SELECT rolsuper AS superuser, rolcreaterole AS createrole, rolcreatedb AS createdb,
        (SELECT count(*) FROM pg_class WHERE relowner = r.oid) + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid) AS owned
      FROM pg_roles r WHERE rolname = current_user`;
    expect(role).toEqual({ superuser: false, createrole: false, createdb: false, owned: 0n });
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET comment = 'edited'`],
    ['DELETE', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
    ['DISABLE TRIGGER', `ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`],
    ['DISABLE TRIGGER ALL', `ALTER TABLE audit_event DISABLE TRIGGER ALL`],
    ['ALTER TABLE', `ALTER TABLE audit_event ADD COLUMN note text`],
    ['DROP TABLE', `DROP TABLE audit_event`],
    ['DROP TRIGGER', `DROP TRIGGER audit_event_chain ON audit_event`],
    ['replacing the chain function', `CREATE OR REPLACE FUNCTION modelgate_audit_hash(prev_hash text, e audit_event) RETURNS text LANGUAGE sql AS 'SELECT prev_hash'`],
    ['approval UPDATE', `UPDATE approval SET comment = 'edited'`],
    ['approval DELETE', `DELETE FROM approval`],
    ['production_period DELETE', `DELETE FROM production_period`],
    ['metric UPDATE', `UPDATE metric SET value = 1`],
    ['metric DELETE', `DELETE FROM metric`],
    ['version_lineage DELETE', `DELETE FROM version_lineage`],
    ['TRUNCATE model_version', `TRUNCATE model_version CASCADE`],
    ['creating a table', `CREATE TABLE shadow_audit (id int)`],
    ['reading the migration history', `SELECT * FROM _prisma_migrations`],
  ])('is refused %s', async (_label, sql) => {
    const model = await seedModel({ owner: await seedUser({ role: 'scientist' }) });
    expect(await db.auditEvent.count({ where: { modelId: model.id } })).toBeGreaterThan(0);
    await expect(db.$executeRawUnsafe(sql)).rejects.toThrow(refused);
    expect(await db.auditEvent.count({ where: { modelId: model.id } })).toBeGreaterThan(0);
  });

  it('still does everything the app does: registers, appends audit events, reads them', async () => {
    const scientist = await seedUser({ role: 'scientist' });
    const model = await seedModel({ owner: scientist });
    const v = await register(scientist, model.name);
    expect(await db.auditEvent.count({ where: { modelId: model.id, versionId: v.id } })).toBe(1);
  });

  it('leaves the owner able to migrate (the owner holds the tables)', async () => {
    const [owner] = await asOwner<{ owner: string; me: string }>(`SELECT tableowner AS owner, current_user AS me FROM pg_tables WHERE tablename = 'audit_event'`);
    expect(owner!.owner).toBe(owner!.me);
  });
});
