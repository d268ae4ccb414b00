// `npm run test:mlflow`: the real, unmodified MLflow Python client against the production build — runs
// logged to a real MLflow tracking server, the registry on Modelgate (tests/mlflow-client/*.py). Needs a
// Python with `mlflow` (MLFLOW_PYTHON=…); where there is none it says so and passes, except in CI (CI=1),
// where a missing client is a failure.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild } from './lib/build';
import { findMlflowPython, startMlflowServer, type MlflowServer } from './lib/mlflow-python';
import { migrateDeploy, run } from './lib/run';
import { createTestDatabase, freePort } from './lib/test-database';
import { createTestRuntimeRole } from './lib/database-roles';
import { startApp, type AppInstance } from '../tests/reliability/app-instance';
import { createPeople } from '../tests/reliability/bootstrap';

export interface StageResult {
  code: number;
  passed: number;
  failed: number;
}

const HOW_TO_ENABLE = [
  'The real MLflow client tests need a Python with MLflow: set MLFLOW_PYTHON to it, e.g.',
  '  python3 -m venv ~/mlflow-venv && ~/mlflow-venv/bin/pip install mlflow && MLFLOW_PYTHON=~/mlflow-venv/bin/python npm test',
  '(on the project machines ../shared/tools/mlflow-2.12/setup.sh provides one, found automatically).',
].join('\n');

/** CI=1 (or true): a missing client fails the stage instead of skipping it. */
const inCi = () => !!process.env.CI && !/^(0|false|no)$/i.test(process.env.CI);

interface Report {
  passed: number;
  failed: number;
  tests: { name: string; outcome: string; seconds: number; detail?: string }[];
}

export async function runMlflowClientTests(reportFile: string): Promise<StageResult> {
  const found = findMlflowPython();
  if (!found) {
    if (inCi()) {
      console.log(`✖ No MLflow client: the real-client stage is required in CI.\n${HOW_TO_ENABLE}`);
      return { code: 1, passed: 0, failed: 1 };
    }
    console.log(`⚠ Skipped: no Python with MLflow found.\n${HOW_TO_ENABLE}`);
    return { code: 0, passed: 0, failed: 0 };
  }
  console.log(`[mlflow] MLflow ${found.version} (${found.via}: ${found.python})`);
  const dir = mkdtempSync(join(tmpdir(), 'modelgate-mlflow-'));
  const database = await createTestDatabase('mlflow_client');
  let app: AppInstance | undefined;
  let tracking: MlflowServer | undefined;
  let trackingStarted: Promise<MlflowServer> | undefined;
  let role: Awaited<ReturnType<typeof createTestRuntimeRole>> | undefined;
  try {
    await migrateDeploy(database.url);
    // The app runs as a runtime role of its own, as in production (scripts/lib/database-roles.ts).
    role = await createTestRuntimeRole(database.url, new URL(database.url).pathname.slice(1));
    // The tracking server takes ~15 s to migrate its SQLite file: start it while the app builds and starts.
    trackingStarted = startMlflowServer(found.python, { port: await freePort(), dir });
    trackingStarted.catch(() => {}); // awaited below; a failure to start is reported there
    if (await ensureBuild({ env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' } })) console.log('[mlflow] built the app (next build)');
    const people = await createPeople(role.url, { scientist: 'scientist', approver: 'approver', approver2: 'approver', viewer: 'viewer', admin: 'admin' });
    [app, tracking] = await Promise.all([startApp('mlflow-client', role.url), trackingStarted]);
    const env: Record<string, string> = {
      MODELGATE_URL: app.url,
      MLFLOW_SERVER_URL: tracking.url,
      MG_ARTIFACTS: join(dir, 'artifacts'),
      // A 5xx must fail the test at once, not after MLflow's minutes of retries.
      MLFLOW_HTTP_REQUEST_MAX_RETRIES: '0',
      MLFLOW_HTTP_REQUEST_TIMEOUT: '60',
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONUNBUFFERED: '1',
    };
    for (const [label, person] of Object.entries(people)) {
      env[`MG_${label.toUpperCase()}_TOKEN`] = person.token;
      env[`MG_${label.toUpperCase()}_EMAIL`] = person.email;
      env[`MG_${label.toUpperCase()}_PASSWORD`] = person.password;
    }
    const code = await run(found.python, ['tests/mlflow-client/run.py', '--report', reportFile], { env: { ...process.env, ...env } });
    const report = readReport(reportFile);
    if (!report) return { code: code || 1, passed: 0, failed: 1 };
    if (code !== 0 && report.failed === 0) {
      console.log(`[mlflow] the test runner exited with ${code}; app log:\n${app.output().slice(-3000)}`);
      return { code, passed: report.passed, failed: 1 };
    }
    if (report.failed > 0) console.log(`[mlflow] app log (last lines):\n${app.output().slice(-3000)}`);
    return { code, passed: report.passed, failed: report.failed };
  } finally {
    await app?.stop();
    tracking ??= await trackingStarted?.catch(() => undefined);
    await tracking?.stop();
    await database.drop();
    await role?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function readReport(file: string): Report | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Report;
  } catch {
    return null;
  }
}

if (process.argv[1]?.endsWith('mlflow-client.ts')) {
  const report = join(tmpdir(), `modelgate-mlflow-report-${process.pid}.json`);
  runMlflowClientTests(report)
    .then((result) => {
      console.log(`\nmlflow client: ${result.passed} passed, ${result.failed} failed`);
      process.exit(result.code);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
