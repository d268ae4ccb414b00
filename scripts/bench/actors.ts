// Users, tokens and a governed model for the benchmark, made through the real services.
import { db } from '@/lib/db/prisma';
import { hashPassword } from '@/lib/auth/password';
import { DEFAULT_CARD_SECTIONS, type Role } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { generateToken } from '@/lib/auth/api-token';
import { createModel } from '@/lib/services/create-model';
import { registerVersion } from '@/lib/services/register-version';
import { moveVersion } from '@/lib/services/move-version';
import { requestProduction } from '@/lib/services/request-production';

async function user(role: Role, password?: string): Promise<Actor & { id: string; role: Role }> {
  const email = `bench-${role}@example.com`;
  const row = await db.user.create({ data: { email, name: `Bench ${role}`, role, passwordHash: password ? await hashPassword(password) : null } });
  return { id: row.id, label: email, role };
}

export async function prepareActors() {
  const [admin, scientist, approver, viewer] = [await user('admin'), await user('scientist'), await user('approver'), await user('viewer', 'bench-password')];
  // Each person's own token (only admins create tokens through the service, and only for themselves).
  const token = async (owner: Actor & { id: string; role: Role }) => {
    const { token: secret, hash, prefix } = generateToken();
    await db.apiToken.create({ data: { name: 'bench', ownerId: owner.id, createdById: owner.id, role: owner.role, tokenHash: hash, prefix } });
    return secret;
  };
  await createModel(scientist, { name: 'bench-register', metrics: [{ key: 'auc', direction: 'higher', isPrimary: true }] });
  await createModel(scientist, { name: 'bench-governed', metrics: [{ key: 'auc', direction: 'higher', isPrimary: true }] });
  const card = DEFAULT_CARD_SECTIONS.map((s) => `## ${s}\ntext`).join('\n');
  return {
    adminToken: await token(admin),
    scientistToken: await token(scientist),
    approverToken: await token(approver),
    viewerToken: await token(viewer),
    /** A version of bench-governed in Staging with an open request; returns the request id. */
    stagedRequest: async (i: number) => {
      const v = await registerVersion(scientist, { model: 'bench-governed', dataVersion: `d${i}`, artifactUri: `s3://g/${i}`, artifactDigest: `sha256:${String(i).padStart(64, 'a')}`, trainingDataHash: 'h', codeCommit: 'c', modelCard: card, metrics: [{ key: 'auc', value: 0.9 + i / 1000 }] });
      await moveVersion(scientist, 'promote', { model: 'bench-governed', number: v.number });
      return (await requestProduction(scientist, { model: 'bench-governed', number: v.number, comment: 'benchmark' })).request.id;
    },
  };
}
