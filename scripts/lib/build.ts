// Whether `.next` holds a production build of the current sources, and how to make one.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nextArgs } from './next-bin';
import { runOrFail } from './run';

export { NEXT_BIN, nextArgs } from './next-bin';

function newestSourceChange(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'generated' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['app', 'components', 'lib', 'public']) walk(dir);
  for (const file of ['next.config.js', 'package-lock.json', 'postcss.config.mjs', 'instrumentation.ts']) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  const stamp = join('.next', 'BUILD_ID');
  return existsSync(stamp) && statSync(stamp).mtimeMs > newestSourceChange();
}

/**
 * The one rule for whether to build, used by start, e2e, bench, reliability and the MLflow client test:
 * `next build` unless the build in `.next` is newer than every source file, or the command line says
 * `--no-build` (trust `.next` as it is). Resolves with whether it built.
 */
export async function ensureBuild(options: { env?: NodeJS.ProcessEnv; quiet?: boolean; argv?: readonly string[] } = {}): Promise<boolean> {
  if ((options.argv ?? process.argv).includes('--no-build') || buildIsCurrent()) return false;
  await runOrFail(process.execPath, nextArgs('build'), { env: options.env ?? process.env, ...(options.quiet ? { stdio: ['ignore', 'ignore', 'inherit'] as const } : {}) });
  return true;
}
