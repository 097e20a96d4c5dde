/** The database: one pg pool (registered by @fastify/postgres) and drizzle built on it. */
import fastifyPostgres from '@fastify/postgres';
import { createDb, type Db } from '@hailong/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export interface DbPluginOptions {
  connectionString: string;
  max?: number;
}

export default fp(
  async (app: FastifyInstance, opts: DbPluginOptions) => {
    await app.register(fastifyPostgres, {
      connectionString: opts.connectionString,
      max: opts.max ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    app.pg.pool.on('error', (err) => app.log.warn({ err: err.message }, 'idle database connection lost'));
    app.decorate('db', createDb(app.pg.pool));
  },
  { name: 'db' },
);
