// The board of the model with the most versions against a static page on the same server, in alternating
// rounds (the machine is shared: a burst of someone else's work lands on both sides), medians of the p50s.
import { load, median } from './http';

export const BOARD_GOAL_RATIO = 2;

export interface BoardRun {
  boardP50: number;
  staticP50: number;
  boardRps: number;
  ratio: number;
  rounds: number;
}

export async function measureBoard(base: string, model: string, cookie: string, seconds: number, rounds = 3): Promise<BoardRun> {
  const board: { p50: number; rps: number }[] = [];
  const statik: number[] = [];
  // One short warm-up of each, so the first round does not pay for compiling and filling caches.
  await load({ url: `${base}/models/${model}`, connections: 2, amount: 20, headers: { cookie } });
  await load({ url: `${base}/signin`, connections: 2, amount: 20 });
  for (let round = 0; round < rounds; round++) {
    const b = await load({ url: `${base}/models/${model}`, connections: 4, duration: seconds, headers: { cookie } });
    if (b.non2xx > 0 || b.errors > 0) throw new Error(`the board answered ${b.non2xx} non-2xx and ${b.errors} errors`);
    board.push({ p50: b.p50, rps: b.requests.average });
    statik.push((await load({ url: `${base}/signin`, connections: 4, duration: seconds })).p50);
  }
  const boardP50 = median(board.map((b) => b.p50));
  const staticP50 = median(statik);
  return { boardP50, staticP50, boardRps: median(board.map((b) => b.rps)), ratio: boardP50 / Math.max(staticP50, 0.5), rounds };
}

export function boardGoal(ratio: number): string {
  return `goal ≤ ${BOARD_GOAL_RATIO}×: ${ratio <= BOARD_GOAL_RATIO ? 'met' : 'not met'}`;
}
