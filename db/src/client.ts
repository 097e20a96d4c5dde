/**
 * One data-access path for both engines: drizzle on a node-postgres pool. The embedded default
 * (PGlite) is reached through its socket server (see embedded.ts), so the same pool, the same SQL and
 * the same migrations serve PostgreSQL 15+ and PGlite.
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; pass it down to every repo call inside a transaction (never use the pool there). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the root handle or a transaction. */
export type DbOrTx = Db | Tx;

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}

/**
 * One object per `createDb` handle, shared by every transaction opened on it: the key for a cache
 * that holds rows of one database (a process may hold handles on several, as tests do). drizzle
 * hands the handle's relational schema config to each of its transactions and builds it anew per
 * handle.
 */
export function databaseKey(db: DbOrTx): object {
  return db._.tableNamesMap;
}

export { schema };
