// The production server `npm start` runs: one Next.js worker (next-worker.mjs) per core, sharing one port through
// node:cluster (the primary accepts connections and hands each to a worker, round robin). `next start` is one
// Node.js process on one core and Next.js has no multi-core mode of its own; its guidance for more is to run
// more instances, and every part of Modelgate that several instances share already lives in Postgres (row
// locks, sign-in limits, the outbox, LISTEN/NOTIFY), so workers on one machine are just more instances.
// The TCP socket itself reaches the worker, so the client's address stays the peer's (no proxy in between).
//
// usage: node serve-cluster.mjs [-p PORT] [-H HOSTNAME]; MODELGATE_WORKERS sets the count (default: cores).
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const requested = Number(process.env.MODELGATE_WORKERS);
const count = Number.isInteger(requested) && requested > 0 ? requested : Math.max(1, os.availableParallelism());

cluster.setupPrimary({
  // Each worker is the production Next.js server (next-worker.mjs: Next's programmatic API, plus the serving
  // reads answered before Next's router by their own route handlers).
  exec: path.join(here, 'next-worker.mjs'),
  args: process.argv.slice(2),
  execArgv: ['--require', path.join(here, 'exit-with-parent.cjs')],
});

let stopping = false;
let stopCode = 0;
const listening = new Set();

function fork() {
  const worker = cluster.fork();
  worker.once('listening', () => listening.add(worker.id));
  worker.once('exit', (code, signal) => {
    const served = listening.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopCode);
      return;
    }
    if (!served) {
      // It never got to serve (a bad build, the port taken): replacing it would only loop, so stop, as one
      // `next start` would have.
      console.error(`[modelgate] an app worker exited before it served (${signal ?? `code ${code}`}); stopping.`);
      stop(code ?? 1);
      return;
    }
    console.error(`[modelgate] an app worker exited (${signal ?? `code ${code}`}); starting another.`);
    fork();
  });
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  stopCode = code;
  const workers = Object.values(cluster.workers ?? {});
  if (workers.length === 0) process.exit(code);
  for (const worker of workers) worker?.process.kill('SIGTERM');
  // Whatever is still running after 10 s is not finishing its requests.
  setTimeout(() => process.exit(code), 10_000).unref();
}

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stop(0));
for (let i = 0; i < count; i++) fork();
