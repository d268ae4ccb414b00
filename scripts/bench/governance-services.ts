// `npx tsx scripts/bench/governance-services.ts [approvals] [rollbacks]`: the approval that deploys and the rollback
// through their services (no HTTP, no Next.js), on a throwaway database: statements per call (every pg round
// trip, BEGIN and COMMIT included) and the median time. For same-run A/B comparisons of two checkouts on a noisy
// machine (run it in each, alternating); `npm run bench` measures the same calls over HTTP.
import { createTestDatabase } from '../lib/test-database';
import { migrateDeploy } from '../lib/run';
import { countQueries } from '../../tests/integration/query-counter';

async function main() {
  const [approvals = 20, rollbacks = 10] = process.argv.slice(2).map(Number);
  const database = await createTestDatabase('bench-governance');
  try {
    await migrateDeploy(database.url);
    process.env.DATABASE_URL = database.url;
    const { prepareActors } = await import('./actors');
    const { actorFromToken } = await import('@/lib/auth/api-token');
    const { decideRequest } = await import('@/lib/services/decide-request');
    const { rollbackModel } = await import('@/lib/services/rollback-model');
    const actors = await prepareActors();
    const approver = await actorFromToken(actors.approverToken);
    const measure = async (n: number, prepare: (i: number) => Promise<string>, call: (prepared: string) => Promise<unknown>) => {
      const times: number[] = [];
      const counts: number[] = [];
      for (let i = 0; i < n; i++) {
        const prepared = await prepare(i);
        const t = performance.now();
        const { count } = await countQueries(() => call(prepared));
        times.push(performance.now() - t);
        counts.push(count);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      return { median: median(times), statements: median(counts) };
    };
    const approve = await measure(approvals, (i) => actors.stagedRequest(i), (requestId) => decideRequest(approver, { requestId, decision: 'approve' }));
    const rollback = await measure(rollbacks, async () => '', () => rollbackModel(approver, { model: 'bench-governed', reason: 'benchmark rollback' }));
    console.log(JSON.stringify({ approve, rollback }));
  } finally {
    const { db } = await import('@/lib/db/prisma');
    await db.$disconnect().catch(() => {});
    await database.drop();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
