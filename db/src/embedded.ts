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
  keepExtendedQueriesTogether(server, db);
  await server.start();
  return {
    url: `postgres://postgres@${host}:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * pglite-socket 0.2 queues each protocol message on its own and only keeps one connection's
 * messages together inside an explicit transaction. node-postgres sends a parameterised query as
 * Parse/Bind/Describe/Execute/Sync; when two connections' messages interleave, one Parse replaces
 * the other's unnamed statement ("portal \"\" does not exist", or the wrong rows). Found with
 * the staff-survey mail worker (10 concurrent jobs). Fix: report "in transaction" to the queue from
 * the first extended-protocol message until its Sync, so the queue keeps that connection's
 * messages together, exactly as it does for a transaction.
 */
function keepExtendedQueriesTogether(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue?: { db: unknown } }).queryQueue;
  if (!queue) return;
  let midQuery = false;
  const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // P B D E C H
  queue.db = {
    isInTransaction: () => midQuery || db.isInTransaction(),
    runExclusive: <T>(fn: () => Promise<T>) => db.runExclusive(fn),
    execProtocolRawStream: async (message: Uint8Array, opts: Parameters<PGlite['execProtocolRawStream']>[1]) => {
      const type = message[0] ?? 0;
      if (EXTENDED.has(type)) midQuery = true;
      try {
        return await db.execProtocolRawStream(message, opts);
      } finally {
        if (type === 0x53 || type === 0x51) midQuery = false; // Sync, simple Query
      }
    },
    exec: async (q: string) => {
      midQuery = false;
      return db.exec(q);
    },
  };
}
