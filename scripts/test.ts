// `npm test`: type-check, lint, unit, integration (real Postgres), browser end-to-end, the real MLflow
// client, and reliability tests (real app instances), in that order, stopping at the first failing stage. Ends with one line: "tests: N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { bin, run } from './lib/run';
import { runE2e } from './e2e';
import { runMlflowClientTests } from './mlflow-client';
import { runReliability } from './reliability';

const REPORTS = 'test-results/reports';
const totals = { passed: 0, failed: 0 };

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
}

async function stage(name: string, body: () => Promise<number>): Promise<void> {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const code = await body();
  console.log(`${code === 0 ? '✔' : '✖'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (code !== 0) {
    totals.failed = Math.max(totals.failed, 1);
    finish(code);
  }
}

function finish(code: number): never {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

async function main() {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  await stage('type-check', () => run(bin('tsc'), ['--noEmit']));
  await stage('lint', () => run(bin('eslint'), ['--max-warnings', '0', '.']));
  await stage('unit tests', async () => {
    const code = await run(bin('vitest'), ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/unit.json`]);
    countVitest(`${REPORTS}/unit.json`);
    return code;
  });
  await stage('integration tests (Postgres)', async () => {
    const code = await run(bin('vitest'), ['run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/integration.json`]);
    countVitest(`${REPORTS}/integration.json`);
    return code;
  });
  await stage('end-to-end tests (Playwright)', async () => {
    const code = await runE2e([], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json` });
    countPlaywright(`${REPORTS}/e2e.json`);
    return code;
  });
  // Reuses the production build the end-to-end stage just made.
  await stage('real MLflow client (Python MlflowClient and fluent API, MLflow tracking server)', async () => {
    const result = await runMlflowClientTests(`${REPORTS}/mlflow-client.json`);
    totals.passed += result.passed;
    totals.failed += result.failed;
    return result.code;
  });
  await stage('reliability (two instances, kill -9, database restart, webhooks across a crash, the zero-setup start)', async () => {
    const code = await runReliability(['--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/reliability.json`]);
    countVitest(`${REPORTS}/reliability.json`);
    return code;
  });
  finish(0);
}

main().catch((error) => {
  console.error(error);
  finish(1);
});
