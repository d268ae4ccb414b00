// The person behind a session, re-read on every page (lib/auth/current-user.ts personById): role, per-model
// grants, and refusal of whoever may no longer hold a session — in one statement.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { personById } from '@/lib/auth/current-user';
import { createApiToken } from '@/lib/services/create-api-token';
import { countQueries } from './query-counter';
import { seedGrant, seedModel, seedUser } from '../fixtures';

describe('personById', () => {
  it('gives the role and every per-model grant by model name, in one statement', async () => {
    const person = await seedUser({ role: 'viewer', name: 'Grace' });
    const [a, b] = [await seedModel(), await seedModel()];
    await seedGrant(person, a, 'approver');
    await seedGrant(person, b, 'scientist');
    const { result, count } = await countQueries(() => personById(person.id));
    expect(result).toEqual({ id: person.id, email: person.email, name: 'Grace', role: 'viewer', kind: 'person', label: person.email, grants: { [a.name]: 'approver', [b.name]: 'scientist' } });
    expect(count).toBe(1);
  });

  it('gives no grants to a person who has none', async () => {
    const person = await seedUser({ role: 'scientist' });
    expect(await personById(person.id)).toMatchObject({ role: 'scientist', grants: {} });
  });

  it('refuses an unknown id, a disabled person and a service account', async () => {
    expect(await personById('no-such-person')).toBeNull();
    const disabled = await seedUser();
    await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    expect(await personById(disabled.id)).toBeNull();
    const name = `bot-${randomUUID().slice(0, 8)}`;
    await createApiToken(await seedUser({ role: 'admin' }), { name: 'pipeline', role: 'scientist', serviceAccount: name });
    const service = await db.user.findFirstOrThrow({ where: { kind: 'service', name } });
    expect(await personById(service.id)).toBeNull();
  });
});
