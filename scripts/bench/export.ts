// The audit export over HTTP against `COPY … TO STDOUT` by psql on the same rows, in alternating rounds,
// medians; with the server's memory sampled during each download.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { median } from './http';

export const EXPORT_GOAL_RATIO = 0.6;
export const EXPORT_GOAL_RSS_MB = 64;

export interface ExportRun {
  rows: number;
  rowsPerSecond: number;
  copyRowsPerSecond: number;
  ratio: number;
  /** The largest growth of the server's resident memory over its level before a download, across rounds. */
  rssGrowthMb: number;
  idleMb: number;
  rounds: number;
}

function processTree(pid: number): number[] {
  try {
    return [pid, ...execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').filter(Boolean).map(Number)];
  } catch {
    return [pid]; // pgrep exits 1 when the server runs in this one process.
  }
}

async function download(base: string, token: string, pids: number[]) {
  // Reading /proc is cheap; spawning pgrep every 50 ms would stall this process's event loop.
  const rssKb = () => pids.reduce((sum, p) => sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0), 0);
  const idle = rssKb();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb())), 50);
  const t = performance.now();
  // curl reads the download, as psql reads COPY's: neither side of the comparison is limited by a JavaScript reader.
  const { stdout } = await promisify(execFile)('curl', ['-sS', '--fail', '-D', '-', '-o', '/dev/null', '-H', `authorization: Bearer ${token}`, `${base}/api/admin/audit/export?format=csv`], { encoding: 'utf8' });
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const rows = Number(/^x-total-count:\s*(\d+)/im.exec(stdout)?.[1] ?? NaN);
  return { rows, seconds, idleMb: idle / 1024, growthMb: (peak - idle) / 1024 };
}

function copyRate(url: string): number {
  const t = performance.now();
  const out = execFileSync('psql', [url, '-c', 'COPY (SELECT e.*, modelgate_audit_canonical(e) FROM audit_event e ORDER BY id) TO STDOUT (FORMAT csv)'], { maxBuffer: 4 * 1024 ** 3 });
  const seconds = (performance.now() - t) / 1000;
  let lines = 0;
  for (let at = out.indexOf(10); at !== -1; at = out.indexOf(10, at + 1)) lines += 1;
  return lines / seconds;
}

export async function measureExport(base: string, token: string, serverPid: number, databaseUrl: string, rounds = 3): Promise<ExportRun> {
  const pids = processTree(serverPid);
  const runs: Awaited<ReturnType<typeof download>>[] = [];
  const copies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    runs.push(await download(base, token, pids));
    copies.push(copyRate(databaseUrl));
  }
  const rowsPerSecond = median(runs.map((r) => r.rows / r.seconds));
  const copyRowsPerSecond = median(copies);
  return {
    rows: runs[runs.length - 1]!.rows,
    rowsPerSecond,
    copyRowsPerSecond,
    ratio: rowsPerSecond / copyRowsPerSecond,
    rssGrowthMb: Math.max(...runs.map((r) => r.growthMb)),
    idleMb: runs[0]!.idleMb,
    rounds,
  };
}

export function exportGoal(run: ExportRun): string {
  const rate = run.ratio >= EXPORT_GOAL_RATIO;
  const rss = run.rssGrowthMb <= EXPORT_GOAL_RSS_MB;
  return `goal ≥ ${EXPORT_GOAL_RATIO}× COPY: ${rate ? 'met' : 'not met'}; RSS growth ≤ ${EXPORT_GOAL_RSS_MB} MB: ${rss ? 'met' : 'not met'}`;
}
