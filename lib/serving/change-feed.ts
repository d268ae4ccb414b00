import pg from 'pg';
import { logger } from '@/lib/observability/logger';

/** What a notification on modelgate_change says (see the migration serving_change_notifications). */
export type Change = { kind: 'model'; modelId: string } | { kind: 'auth' } | { kind: 'all' };
/** `reset`: the feed (re)connected after missing notifications, so every cache must start over. */
export type FeedEvent = Change | { kind: 'reset' };

export const CHANNEL = 'modelgate_change';

export function parseChange(payload: string | undefined): Change {
  if (payload?.startsWith('model:') && payload.length > 6) return { kind: 'model', modelId: payload.slice(6) };
  if (payload === 'auth') return { kind: 'auth' };
  return { kind: 'all' }; // 'all', or anything this version does not know: drop everything.
}

const PING_MS = Math.max(Number(process.env.MODELGATE_CACHE_PING_MS ?? 250) || 250, 20);
// How long after the last confirmed ping the caches are trusted: the bound on how stale an answer can be
// even when the connection dies silently (no RST, no error), which a keepalive alone would take minutes to see.
const LEASE_MS = Math.max(Number(process.env.MODELGATE_CACHE_LEASE_MS ?? 750) || 750, PING_MS * 2);

/**
 * One dedicated connection that LISTENs for change notifications and pings every 250 ms on the same
 * connection. Postgres delivers a listening session's notifications before the answer to its next query,
 * so a ping that returns proves every change committed before it was sent has been seen: the caches are
 * trusted only while the last such proof is younger than the lease (750 ms). A dropped connection empties
 * every cache (`reset`) and they stay bypassed until the feed is back and has listened again.
 */
class ChangeFeed {
  private client: pg.Client | null = null;
  private confirmedAt = Number.NEGATIVE_INFINITY;
  private readonly subscribers = new Set<(event: FeedEvent) => void>();
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private retryMs = 250;
  private pinging = false;
  private retry: NodeJS.Timeout | undefined;
  reconnects = 0;

  /** Trusted: connected, listening, and confirmed within the lease. */
  live(): boolean {
    return performance.now() - this.confirmedAt < LEASE_MS;
  }

  subscribe(fn: (event: FeedEvent) => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** Starts listening (once per process); without DATABASE_URL, or with MODELGATE_CACHE=off, the caches stay bypassed. */
  start(): void {
    if (this.started || process.env.MODELGATE_CACHE === 'off' || !process.env.DATABASE_URL) return;
    if (process.env.NEXT_PHASE === 'phase-production-build') return; // next build loads modules; nothing to listen for.
    this.started = true;
    void this.connect();
  }

  private emit(event: FeedEvent): void {
    for (const fn of this.subscribers) {
      try {
        fn(event);
      } catch (error) {
        logger.error({ err: error }, 'change subscriber failed');
      }
    }
  }

  private async connect(): Promise<void> {
    if (!this.started) return;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: 'modelgate-changes', keepAlive: true, connectionTimeoutMillis: 5_000 });
    this.client = client;
    let failed = false;
    const fail = (why: unknown) => {
      if (failed) return;
      failed = true;
      this.lost(client, why);
    };
    client.on('error', fail);
    client.on('end', () => fail(new Error('the connection ended')));
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.emit(parseChange(message.payload));
    });
    try {
      await client.connect();
      const sentAt = performance.now();
      await client.query(`LISTEN ${CHANNEL}`);
      if (failed) return;
      // Whatever changed while nobody listened is unknown: start over, then trust the caches again.
      this.emit({ kind: 'reset' });
      this.confirmedAt = sentAt;
      this.retryMs = 250;
      this.timer = setInterval(() => void this.ping(client), PING_MS);
      this.timer.unref();
    } catch (error) {
      fail(error);
    }
  }

  private async ping(client: pg.Client): Promise<void> {
    if (this.pinging || client !== this.client) return;
    this.pinging = true;
    const sentAt = performance.now();
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.query('SELECT 1'),
        new Promise((_, reject) => {
          timeout = setTimeout(() => reject(new Error('no answer to the change feed ping within 5 s')), 5_000);
        }),
      ]);
      if (client === this.client) this.confirmedAt = sentAt;
    } catch (error) {
      this.lost(client, error);
    } finally {
      clearTimeout(timeout);
      this.pinging = false;
    }
  }

  private lost(client: pg.Client, why: unknown): void {
    if (client !== this.client) return;
    this.client = null;
    this.confirmedAt = Number.NEGATIVE_INFINITY;
    clearInterval(this.timer);
    this.emit({ kind: 'reset' });
    this.reconnects += 1;
    logger.warn({ err: why instanceof Error ? why.message : String(why), retryInMs: this.retryMs }, 'change feed lost; caches bypassed until it is back');
    client.removeAllListeners('notification');
    client.on('error', () => {});
    void client.end().catch(() => {});
    const retry = setTimeout(() => void this.connect(), this.retryMs);
    this.retry = retry;
    retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
  }

  /** For tests: stop listening and forget the proof. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.confirmedAt = Number.NEGATIVE_INFINITY;
    clearInterval(this.timer);
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  }
}

const globalForFeed = globalThis as unknown as { modelgateChangeFeed?: ChangeFeed };
export const changeFeed: ChangeFeed = (globalForFeed.modelgateChangeFeed ??= new ChangeFeed());
