import 'server-only';
import type { z } from 'zod';
import { registerGauge } from '@/lib/observability/metrics';
import { logger } from '@/lib/observability/logger';
import { assertAllowed, RegistryError } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import type { ZResolveQuery } from '@/lib/validations/api-v1';
import { cachedResolve, type ResolveAnswer } from './answers';
import { changeFeed, type FeedEvent } from './change-feed';

// Server-sent events for serving systems: the resolve answer now, then again whenever it changes (told
// by the change feed, so within its lease of a commit on any instance), a heartbeat in between, and the
// stream ends when the caller that opened it — a token or a browser session — may no longer resolve the model. While the feed is down every watcher is checked
// against the database once a second instead, so a change is still seen within about a second.

const MAX_WATCHERS = Math.max(Number(process.env.MODELGATE_WATCH_MAX ?? 1_000) || 1_000, 1);
const HEARTBEAT_MS = Math.max(Number(process.env.MODELGATE_WATCH_HEARTBEAT_MS ?? 15_000) || 15_000, 100);
const FALLBACK_POLL_MS = 1_000;

interface Watcher {
  name: string;
  query: z.infer<typeof ZResolveQuery>;
  /** The ETag (or error message) last sent: an event goes out only when it changes. */
  last: string | null;
  /**
   * Who opened the stream, as they are now (the token read again, or the session's person); asked again
   * whenever tokens, people or grants change. Null or a throw: they are no longer anyone.
   */
  caller: () => Promise<Actor | null>;
  send: (event: string, data: string, id?: string) => boolean;
  close: () => void;
  checking: boolean;
  again: boolean;
}

class WatchHub {
  readonly watchers = new Set<Watcher>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor() {
    changeFeed.subscribe((event) => this.onChange(event));
  }

  open(name: string, query: z.infer<typeof ZResolveQuery>, caller: () => Promise<Actor | null>, signal: AbortSignal): Response {
    if (this.watchers.size >= MAX_WATCHERS) {
      throw new RegistryError('UNAVAILABLE', `This instance already serves ${MAX_WATCHERS} watchers (MODELGATE_WATCH_MAX); retry another instance or later, or poll resolve.`);
    }
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let closed = false;
    const watcher: Watcher = {
      name,
      query,
      last: null,
      caller,
      checking: false,
      again: false,
      send: (event, data, id) => {
        if (closed) return false;
        try {
          controller.enqueue(encoder.encode(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${data}\n\n`));
          return true;
        } catch {
          watcher.close();
          return false;
        }
      },
      close: () => {
        if (closed) return;
        closed = true;
        this.watchers.delete(watcher);
        this.idleCheck();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      },
    };
    const stream = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
      cancel: () => watcher.close(),
    });
    signal.addEventListener('abort', () => watcher.close(), { once: true });
    this.watchers.add(watcher);
    this.ensureTimers();
    // Tell the client how soon to reconnect, then what to serve now.
    controller.enqueue(encoder.encode('retry: 1000\n\n'));
    void this.check(watcher);
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform: the server's compression must not buffer the stream.
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      },
    });
  }

  /** Sends the current answer when it differs from what this watcher last got. */
  private async check(watcher: Watcher): Promise<void> {
    if (watcher.checking) {
      watcher.again = true;
      return;
    }
    watcher.checking = true;
    try {
      do {
        watcher.again = false;
        let answer: ResolveAnswer;
        try {
          answer = await cachedResolve(watcher.name, watcher.query);
        } catch (error) {
          answer = { ok: false, error: error instanceof RegistryError ? error : new RegistryError('UNAVAILABLE', 'The registry could not be read; retrying.') };
        }
        const mark = answer.ok ? answer.etag : `${answer.error.code}:${answer.error.message}`;
        if (mark === watcher.last) continue;
        watcher.last = mark;
        if (answer.ok) watcher.send('resolved', answer.text, answer.etag);
        else watcher.send('unresolved', JSON.stringify({ error: { code: answer.error.code, message: answer.error.message } }));
      } while (watcher.again);
    } finally {
      watcher.checking = false;
    }
  }

  private onChange(event: FeedEvent): void {
    if (this.watchers.size === 0) return;
    if (event.kind === 'auth' || event.kind === 'all' || event.kind === 'reset') void this.reauthorize();
    // Which model a watcher's name belongs to can change with a rename, so every watcher looks again:
    // answered from the cache, one database read per watched key.
    for (const watcher of this.watchers) void this.check(watcher);
  }

  /** Tokens, people or grants changed: a watcher whose caller may no longer resolve this model is told and closed. */
  private async reauthorize(): Promise<void> {
    for (const watcher of [...this.watchers]) {
      try {
        const actor = await watcher.caller();
        if (!actor) throw new RegistryError('UNAUTHENTICATED', 'The session that opened this stream has ended: sign in again.');
        assertAllowed(actor, 'version.resolve', { model: watcher.name });
      } catch (error) {
        if (!(error instanceof RegistryError) || !['UNAUTHENTICATED', 'FORBIDDEN'].includes(error.code)) continue;
        watcher.send('revoked', JSON.stringify({ error: { code: error.code, message: error.message } }));
        watcher.close();
      }
    }
  }

  private ensureTimers(): void {
    if (!this.timer) {
      this.timer = setInterval(() => {
        if (changeFeed.live()) return;
        for (const watcher of this.watchers) void this.check(watcher);
      }, FALLBACK_POLL_MS);
      this.timer.unref();
    }
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => {
        const at = JSON.stringify({ at: new Date().toISOString() });
        for (const watcher of this.watchers) watcher.send('heartbeat', at);
      }, HEARTBEAT_MS);
      this.heartbeat.unref();
    }
  }

  private idleCheck(): void {
    if (this.watchers.size > 0) return;
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    this.timer = undefined;
    this.heartbeat = undefined;
  }
}

const globalForHub = globalThis as unknown as { modelgateWatchHub?: WatchHub };
export const watchHub: WatchHub = (globalForHub.modelgateWatchHub ??= new WatchHub());
registerGauge('serving_watchers', () => watchHub.watchers.size);
registerGauge('change_feed_live', () => (changeFeed.live() ? 1 : 0));
registerGauge('change_feed_reconnects', () => changeFeed.reconnects);
logger.debug({ maxWatchers: MAX_WATCHERS, heartbeatMs: HEARTBEAT_MS }, 'watch hub ready');
