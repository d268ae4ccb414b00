import { createPublicKey, type KeyObject } from 'node:crypto';
import { parsePrivateKey } from './checkpoint';
import { logger } from '@/lib/observability/logger';

let cached: { source: string; key: KeyObject } | undefined;
let warned = false;

/**
 * The key that signs audit checkpoints, from MODELGATE_AUDIT_SIGNING_KEY (an Ed25519 private key, PKCS#8
 * PEM; `npm start` generates one into .modelgate/ in embedded mode). It lives in the app's environment,
 * never in the database, so someone who can rewrite the database still cannot sign for it. Null, with one
 * warning, when it is not set: the chains then catch edits but not a cut tail or a consistent rewrite.
 */
export function auditSigningKey(): KeyObject | null {
  const source = process.env.MODELGATE_AUDIT_SIGNING_KEY;
  if (!source) {
    if (!warned) logger.warn('MODELGATE_AUDIT_SIGNING_KEY is not set: audit checkpoints are not signed.');
    warned = true;
    return null;
  }
  if (cached?.source !== source) cached = { source, key: parsePrivateKey(source) };
  return cached.key;
}

export function auditPublicKeyPem(): string | null {
  const key = auditSigningKey();
  return key ? createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString() : null;
}
