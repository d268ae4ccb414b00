// Example: a training pipeline registers the version it just trained and asks for Production.
//
//   MODELGATE_URL=http://localhost:3000 MODELGATE_TOKEN=mgt_… npx tsx scripts/examples/pipeline-register.ts
//
// The token comes from Admin → Tokens (role "scientist" is enough). Retrying this script is safe: the
// Idempotency-Key (here the training run id) makes a second call return the version the first one created.
import { createHash } from 'node:crypto';

const base = process.env.MODELGATE_URL ?? 'http://localhost:3000';
const token = process.env.MODELGATE_TOKEN;
if (!token) throw new Error('Set MODELGATE_TOKEN to an API token (Admin → Tokens).');

const runId = process.env.RUN_ID ?? `run-${new Date().toISOString().slice(0, 10)}`;
const artifact = Buffer.from(`model weights of ${runId}`); // stands in for the real model file

async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T & { error?: { code: string; message: string } };
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${json.error?.code}: ${json.error?.message}`);
  return json;
}

async function main() {
  const version = await api<{ number: number; semver: string; stage: string }>(
    'POST',
    '/api/v1/models/fraud-detector/versions',
    {
      dataVersion: '2026-11-01',
      artifactUri: `s3://modelgate-artifacts/fraud-detector/${runId}/model.bin`,
      artifactDigest: createHash('sha256').update(artifact).digest('hex'),
      framework: 'xgboost 2.1',
      hyperparameters: { max_depth: 7, eta: 0.08, n_estimators: 900 },
      features: ['amount', 'merchant_category', 'hour_of_day', 'card_age_days', 'country_mismatch', 'device_fingerprint_risk', 'velocity_1h'].map((name) => ({ name, type: 'float' })),
      trainingDataSource: 's3://datalake/payments/transactions@2026-11-01',
      trainingDataHash: `sha256:${createHash('sha256').update('transactions@2026-11-01').digest('hex')}`,
      codeCommit: 'a1b2c3d4e5f6',
      metrics: [
        { key: 'auc', value: 0.972, evaluationSet: 'holdout-2026-09' },
        { key: 'latency_p95_ms', value: 71, evaluationSet: 'holdout-2026-09' },
        ...['region=EU', 'region=US', 'region=APAC', 'channel=mobile'].map((slice) => ({ key: 'auc', value: 0.96, evaluationSet: 'holdout-2026-09', slice })),
      ],
      modelCard: '## Intended use\nReal-time card fraud scoring.\n\n## Limitations\nNew merchants.\n\n## Evaluation data\nholdout-2026-09.\n\n## Ethical considerations\nNo protected attributes.',
    },
    { 'Idempotency-Key': runId },
  );
  console.log(`Registered fraud-detector v${version.number} (${version.semver}), now in ${version.stage}.`);

  await api('POST', `/api/v1/models/fraud-detector/versions/${version.number}/promote`, {});
  console.log('Promoted to Staging (the Staging gates passed).');

  const { request } = await api<{ request: { id: string; requiredApprovals: number } }>('POST', `/api/v1/models/fraud-detector/versions/${version.number}/promotion-requests`, {
    comment: `Nightly retrain ${runId}: better AUC on every slice.`,
  });
  console.log(`Requested Production (request ${request.id}); ${request.requiredApprovals} approval(s) needed in ${base}/approvals.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
