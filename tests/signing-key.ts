import { generateKeyPairSync } from 'node:crypto';

/** A fresh Ed25519 key for one test run's audit checkpoints (PKCS#8 PEM, as MODELGATE_AUDIT_SIGNING_KEY takes it). */
export function testSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
