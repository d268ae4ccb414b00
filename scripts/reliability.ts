// `npm run test:reliability [-- --full]`: real app instances on one Postgres — races across two instances,
// kill -9 mid-stream, a database restart under load, webhooks across a crash. `--full` runs the long
// streams (see tests/reliability/scale.ts); `npm test` runs the CI sizes.
import { bin, run } from './lib/run';

export function runReliability(extraArgs: string[] = []): Promise<number> {
  const full = process.argv.includes('--full');
  return run(bin('vitest'), ['run', '--project', 'reliability', ...extraArgs], { env: { ...process.env, ...(full ? { RELIABILITY_FULL: '1' } : {}) } });
}

if (process.argv[1]?.endsWith('reliability.ts')) {
  runReliability(process.argv.slice(2).filter((a) => a !== '--full'))
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
