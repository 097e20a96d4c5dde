/**
 * Which database the end-to-end journeys of this run use: PostgreSQL (project `e2e`) or the
 * embedded PGlite `pnpm start` runs by default (project `e2e-embedded`, vitest.config.ts).
 * `startTestSystem()` uses it unless told otherwise; `postgresOnly` marks a journey whose write path
 * another journey of the same file already covers on the embedded database.
 */
import { inject } from 'vitest';

export type Engine = 'postgres' | 'embedded';

declare module 'vitest' {
  interface ProvidedContext {
    engine: Engine;
  }
}

export const engine: Engine = inject('engine') ?? 'postgres';
export const postgresOnly = engine !== 'postgres';
