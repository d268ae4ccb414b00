// Where Next.js's command line lives. Run it with `node` (process.execPath) rather than through npx or
// node_modules/.bin: then the PID we hold is the server's own, and stopping it leaves no orphaned next-server.
export const NEXT_BIN = 'node_modules/next/dist/bin/next';

/** The arguments that run `next <command>` under node: `spawn(process.execPath, nextArgs('start', '-p', '3000'))`. */
export function nextArgs(...args: string[]): string[] {
  return [NEXT_BIN, ...args];
}
