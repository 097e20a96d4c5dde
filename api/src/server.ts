/** Listening, timeouts and graceful close; the app itself comes from buildApp (app.ts). */
import type { FastifyInstance } from 'fastify';

export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  app.server.requestTimeout = 60_000;
  app.server.keepAliveTimeout = 65_000;
  return app.listen({ host, port });
}
