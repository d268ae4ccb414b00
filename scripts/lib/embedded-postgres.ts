// Embedded Postgres for a zero-setup start: PGlite (Postgres compiled to WebAssembly) behind a local
// Postgres wire-protocol socket, so the app talks to it with the same driver as to a real server.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop: () => Promise<void>;
}

/** Starts PGlite on 127.0.0.1:`port`; `dataDir` keeps the data across restarts, none keeps it in memory. */
export async function startEmbeddedPostgres(options: { dataDir?: string; port: number }): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pg = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  // The socket server multiplexes many client connections onto PGlite's one; its default allows just one,
  // which would starve the app's connection pool.
  const server = new PGLiteSocketServer({ db: pg, port: options.port, host: '127.0.0.1', maxConnections: 64 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pg.close();
    },
  };
}
