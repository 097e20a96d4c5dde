/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) with its files under DATA_DIR,
 * served on a loopback port by @electric-sql/pglite-socket so that the API, the worker and
 * `pg` pools reach it exactly like PostgreSQL. PGlite is one session underneath: while a
 * transaction is open on one connection, the others wait. Code must therefore pass the
 * transaction down and never query the pool inside a transaction (it would deadlock here).
 */
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts PGlite in `dataDir/pglite` (or in memory when dataDir is null) on a loopback port. */
export async function startEmbeddedPostgres(dataDir: string | null, maxConnections = 16): Promise<EmbeddedPostgres> {
  let db: PGlite;
  if (dataDir) {
    const dir = path.join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    db = await PGlite.create(dir);
  } else {
    db = await PGlite.create();
  }
  const host = '127.0.0.1';
  const port = await freePort(host);
  const server = new PGLiteSocketServer({ db, host, port, maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@${host}:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
