import { assertAllowed, RegistryError } from '@/lib/registry';
import { inTransaction } from '@/lib/db/transaction';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import { clock } from './clock';

/** Revokes an active token at once; it stays listed, marked revoked, and its audit trail stays. */
export async function revokeApiToken(actor: Actor, input: { tokenId: string }) {
  assertAllowed(actor, 'tokens.manage', 'global');
  return inTransaction(async (tx) => {
    const revoked = await tx.apiToken.updateManyAndReturn({
      where: { id: input.tokenId, revokedAt: null },
      data: { revokedAt: clock.now() },
      select: { id: true, name: true, prefix: true },
    });
    const token = revoked[0];
    if (!token) throw new RegistryError('NOT_FOUND', 'No such active token.');
    await recordAudit(tx, actor, { action: 'token.revoked', data: { tokenId: token.id, name: token.name, prefix: token.prefix } });
    return { revoked: true };
  });
}
