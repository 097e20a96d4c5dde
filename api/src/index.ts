/** What the API package offers to the launcher and to tests. */
export { buildApp, LOG_REDACT, type BuildConfig, type BuildOptions } from './app.ts';
export { ConfigError, loadConfig, type AppConfig } from './config.ts';
export { ensureAdmin } from './features/auth/service.ts';
export { parsePlanSheets, parsePlanWorkbook } from './features/sampling/plan-parse.ts';
export { planWorkbook, type PlanWorkbookInput } from './features/sampling/plan-workbook.ts';
export { formWorkbook, sheetsWorkbook } from './features/forms/workbook.ts';
export { sampleSize } from './features/sampling/sample-size.ts';
export { resolveDatabase, resolveRedis, StartupError } from './lib/services.ts';
export { listen } from './server.ts';
export { prepareApiDatabase, startApi, type StartedApi } from './start.ts';
