// `npm run audit:verify -- export.ndjson [checkpoint.json] [--public-key key.pem]`: checks an NDJSON audit
// export offline — every hash, link and sequence, and every signed checkpoint: those inside the export
// (audit.checkpointed events) and the one given, kept outside the database (a webhook delivery's body, a
// checkpoint JSON, or an earlier export, whose last checkpoint is used). Needs only the public key:
// --public-key, else MODELGATE_AUDIT_PUBLIC_KEY (PEM), else the public half of MODELGATE_AUDIT_SIGNING_KEY,
// else .modelgate/audit-signing-key.pub.pem (embedded mode). Exit code 0: intact; 1: not.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checkpoint } from '../lib/audit/checkpoint';
import { checkpointsInside, readExport, verifyExport } from '../lib/audit/verify-export';

function publicKey(flag: string | undefined): KeyObject | null {
  if (flag) return createPublicKey(readFileSync(flag, 'utf8'));
  if (process.env.MODELGATE_AUDIT_PUBLIC_KEY) return createPublicKey(process.env.MODELGATE_AUDIT_PUBLIC_KEY.replace(/\\n/g, '\n'));
  if (process.env.MODELGATE_AUDIT_SIGNING_KEY) return createPublicKey(process.env.MODELGATE_AUDIT_SIGNING_KEY.replace(/\\n/g, '\n'));
  const embedded = join(process.env.MODELGATE_HOME ?? '.modelgate', 'audit-signing-key.pub.pem');
  return existsSync(embedded) ? createPublicKey(readFileSync(embedded, 'utf8')) : null;
}

/** A checkpoint from any of the shapes one is kept in. */
function readCheckpoint(file: string): Checkpoint {
  const text = readFileSync(file, 'utf8').trim();
  if (text.includes('\n')) {
    const inside = checkpointsInside(readExport(text).rows);
    if (inside.length === 0) throw new Error(`${file} holds no checkpoint`);
    return inside.at(-1)!;
  }
  const value = JSON.parse(text) as Checkpoint | { checkpoint: Checkpoint } | { data: { checkpoint: Checkpoint } };
  if ('format' in value) return value;
  if ('checkpoint' in value) return value.checkpoint;
  if ('data' in value && value.data?.checkpoint) return value.data.checkpoint;
  throw new Error(`${file} is not a checkpoint`);
}

function main(): number {
  const args = process.argv.slice(2);
  const keyAt = args.indexOf('--public-key');
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : undefined;
  const files = args.filter((_, i) => i !== keyAt && i !== keyAt + 1);
  const [exportFile, checkpointFile] = files;
  if (!exportFile) {
    console.error('usage: npm run audit:verify -- export.ndjson [checkpoint.json] [--public-key key.pem]');
    return 2;
  }
  const key = publicKey(keyFile);
  const { rows } = readExport(readFileSync(exportFile, 'utf8'));
  const external = checkpointFile ? readCheckpoint(checkpointFile) : null;
  const result = verifyExport(rows, external, key);
  console.log(`${exportFile}: ${result.events} events in ${result.chains} chains; ${result.checkpoints} signed checkpoint(s) checked${external ? ` (including ${checkpointFile}, of ${external.at})` : ''}.`);
  if (!external) console.log('No checkpoint kept outside the export was given: a cut tail or a rewritten chain could go unnoticed.');
  for (const problem of result.problems.slice(0, 50)) console.log(`  ✗ ${problem}`);
  if (result.problems.length > 50) console.log(`  … and ${result.problems.length - 50} more`);
  console.log(result.ok ? 'INTACT' : `NOT INTACT: ${result.problems.length} problem(s)`);
  return result.ok ? 0 : 1;
}

try {
  process.exit(main());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
