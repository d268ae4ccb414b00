// The JavaScript a page makes the browser fetch on first load, summed from the production build's manifests
// (Turbopack's build prints no sizes): the runtime's root chunks plus every chunk the page's segments
// (layouts, loading, error and not-found boundaries, the page) name as entry files, each gzipped.
// Chunks that load later (`next/dynamic`, a dialog opened, a chart scrolled to) are not in those lists.
// `npx tsx scripts/bench/first-load-js.ts [.next] ['/(dashboard)/models/[name]/(board)/page']` prints the figure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BOARD_PAGE = '/(dashboard)/models/[name]/(board)/page';
/** The goal for the board. */
export const FIRST_LOAD_GOAL_KIB = 200;

interface ClientManifest {
  entryJSFiles?: Record<string, string[]>;
}

export function firstLoadChunks(distDir: string, page: string): string[] {
  const build = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const source = readFileSync(join(distDir, 'server', 'app', `${page}_client-reference-manifest.js`), 'utf8');
  // The file assigns one object literal: globalThis.__RSC_MANIFEST["<page>"] = {…};
  const manifest = JSON.parse(source.slice(source.indexOf('= {') + 2).replace(/;\s*$/, '')) as ClientManifest;
  const entries = Object.values(manifest.entryJSFiles ?? {}).flat();
  return [...new Set([...build.rootMainFiles, ...entries])];
}

/** Gzipped bytes of the page's first-load chunks, and how many chunks. */
export function firstLoadJsFromBuild(distDir = '.next', page = BOARD_PAGE): { bytes: number; chunks: number } {
  const chunks = firstLoadChunks(distDir, page);
  const bytes = chunks.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0);
  return { bytes, chunks: chunks.length };
}

export function firstLoadRow(kib: number): string {
  return `goal ≤ ${FIRST_LOAD_GOAL_KIB} KiB: ${kib <= FIRST_LOAD_GOAL_KIB ? 'met' : 'not met'}`;
}

if (process.argv[1]?.endsWith('first-load-js.ts')) {
  const [distDir = '.next', page = BOARD_PAGE] = process.argv.slice(2);
  const { bytes, chunks } = firstLoadJsFromBuild(distDir, page);
  const kib = bytes / 1024;
  console.log(`${page}: ${kib.toFixed(1)} KiB gzipped in ${chunks} chunks (${firstLoadRow(kib)})`);
}
