// The parts of autocannon's API the benchmarks use (it ships no types).
declare module 'autocannon' {
  interface Histogram {
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    average: number;
    mean: number;
  }
  export interface Result {
    requests: Histogram & { total: number; average: number };
    latency: Histogram;
    errors: number;
    non2xx: number;
    '2xx': number;
    '4xx'?: number;
    '5xx'?: number;
    duration: number;
  }
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    method?: string;
    body?: string;
    requests?: Request[];
  }
  interface Instance extends PromiseLike<Result> {
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
    on(event: 'reqError', listener: (error: Error) => void): Instance;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
