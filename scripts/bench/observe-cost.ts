// `LOG_LEVEL=info npx tsx --conditions=react-server scripts/bench/observe-cost.ts > /dev/null`: the CPU time the
// observability wrapper (lib/http/observe.ts: request id, latency histogram, access log
// line) adds to one request, measured in process without a server, so a shared machine's load hardly moves it:
// N calls of a handler that awaits a few promises and answers a small JSON body, with and without the
// wrapper, alternating rounds, medians. `ACCESS_LOG=debug` measures an endpoint whose successes log at debug, as
// resolve and route do. (`--conditions=react-server` lets `server-only` load outside Next.)
import { NextRequest } from 'next/server';
import { observed } from '@/lib/http/observe';

const N = Number(process.env.N ?? 20_000);
const ROUNDS = 5;

const handler = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve(i);
  return new Response('{"version":1}', { status: 200, headers: { 'content-type': 'application/json' } });
};
const wrapped = observed({ summary: 'observe-cost', accessLog: process.env.ACCESS_LOG === 'debug' ? 'debug' : 'info' }, handler);
const params = Promise.resolve({ name: 'bench-governed' });
const request = () => new NextRequest('http://127.0.0.1/api/v1/models/bench-governed/resolve?stage=production', { headers: { authorization: 'Bearer x' } });

async function microsPerCall(fn: (req: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < N; i++) await fn(request(), { params });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / N;
}

async function main() {
  await microsPerCall(wrapped);
  await microsPerCall(handler);
  const plain: number[] = [];
  const observedCalls: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(await microsPerCall(handler));
    observedCalls.push(await microsPerCall(wrapped));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const result = { logLevel: process.env.LOG_LEVEL ?? 'default', plainMicros: median(plain), observedMicros: median(observedCalls), costMicros: median(observedCalls) - median(plain) };
  // stderr: stdout carries the access log lines (send them to /dev/null, or to a pipe to include its cost).
  console.error(JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)));
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
