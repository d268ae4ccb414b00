import { randomUUID } from 'node:crypto';
import { generateToken } from '@/lib/auth/api-token';
import { db } from '@/lib/db/prisma';
import type { Role } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import { createModel } from '@/lib/services/create-model';
import { registerVersion } from '@/lib/services/register-version';
import type { RegisterVersionInput } from '@/lib/validations/version';

/** A user of the given role, created directly (tests of user management use the service instead). */
export async function makeActor(role: Role): Promise<Actor> {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.example`;
  const user = await db.user.create({ data: { email, name: `${role} tester`, role } });
  return { id: user.id, label: email, role };
}

export function uniqueName(prefix = 'model'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function makeModel(owner: Actor, name = uniqueName()) {
  return createModel(owner, {
    name,
    metrics: [
      { key: 'auc', direction: 'higher', isPrimary: true },
      { key: 'latency_p95_ms', direction: 'lower' },
    ],
  });
}

export function versionInput(model: string, overrides: Partial<RegisterVersionInput> = {}): RegisterVersionInput {
  return {
    model,
    dataVersion: '2026-01',
    artifactUri: `s3://bucket/${model}/${randomUUID()}`,
    artifactDigest: `sha256:${'0'.repeat(64)}`,
    metrics: [
      { key: 'auc', value: 0.9 },
      { key: 'latency_p95_ms', value: 80 },
    ],
    ...overrides,
  };
}

export function register(actor: Actor, model: string, overrides: Partial<RegisterVersionInput> = {}) {
  return registerVersion(actor, versionInput(model, overrides));
}

/**
 * An API token of the owner's own, inserted directly (tests of token management use the service). It
 * acts with `role` (by default the owner's), optionally on one model only.
 */
export async function tokenFor(owner: Actor, options: { role?: Role; model?: string; name?: string } = {}): Promise<string> {
  const { token, hash, prefix } = generateToken();
  const model = options.model ? await db.registeredModel.findUniqueOrThrow({ where: { name: options.model }, select: { id: true } }) : null;
  await db.apiToken.create({
    data: { name: options.name ?? `test token of ${owner.label}`, ownerId: owner.id!, createdById: owner.id, role: options.role ?? (owner.role as Role), modelId: model?.id ?? null, tokenHash: hash, prefix },
  });
  return token;
}
