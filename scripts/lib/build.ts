// Whether `.next` holds a production build of the current sources, and how to make one.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runOrFail } from './run';

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

/** `next build`, unless the build in `.next` is newer than every source file. */
export async function buildIfStale(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (buildIsCurrent()) return false;
  await runOrFail(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { env });
  return true;
}
