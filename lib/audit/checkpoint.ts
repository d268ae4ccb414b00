import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/*
 * Signed checkpoints of the audit hash chains. The chains make an edit of any event visible, but not a cut
 * tail, nor an edit followed by recomputing every later hash with the (public, unkeyed) formula. A checkpoint
 * is each chain's head — sequence number and hash — at a moment, signed with an Ed25519 key that the app holds
 * and the database does not. Whoever keeps a checkpoint (a webhook receiver, an auditor's copy of an export)
 * can later show that an export still contains those heads unchanged; with the public key alone.
 */

export interface ChainHead {
  chain: string;
  seq: number;
  hash: string;
}

export interface Checkpoint {
  format: 'modelgate-audit-checkpoint/1';
  at: string;
  /** First 16 hex digits of the sha256 of the public key (SPKI DER): which key signed it. */
  keyId: string;
  heads: ChainHead[];
  /** Ed25519 over signedText(checkpoint), base64. */
  signature: string;
}

/** The exact bytes that are signed: the fields in a fixed order, heads sorted by chain. */
export function signedText(checkpoint: Omit<Checkpoint, 'signature'>): string {
  const heads = [...checkpoint.heads].sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0)).map((h) => [h.chain, h.seq, h.hash]);
  return JSON.stringify([checkpoint.format, checkpoint.at, checkpoint.keyId, heads]);
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signCheckpoint(heads: ChainHead[], at: Date, privateKey: KeyObject): Checkpoint {
  const unsigned = { format: 'modelgate-audit-checkpoint/1' as const, at: at.toISOString(), keyId: keyIdOf(createPublicKey(privateKey)), heads };
  return { ...unsigned, signature: sign(null, Buffer.from(signedText(unsigned)), privateKey).toString('base64') };
}

export function checkpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  if (checkpoint.format !== 'modelgate-audit-checkpoint/1' || checkpoint.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, Buffer.from(signedText(checkpoint)), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/** A PEM private key (PKCS#8) as given in MODELGATE_AUDIT_SIGNING_KEY; literal "\n" sequences are accepted. */
export function parsePrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem.replace(/\\n/g, '\n'));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}
