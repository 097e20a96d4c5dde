/**
 * The API's configuration: the system's one environment schema (@hailong/runtime) plus what only
 * the API has (the built web app it serves).
 */
import { loadRuntimeConfig, processEnv, type Env, type RuntimeConfig } from '@hailong/runtime';

export { ConfigError, type TrustProxy } from '@hailong/runtime';

export interface AppConfig extends RuntimeConfig {
  /** Built web app to serve (survey-web/dist); absent in API-only tests. */
  webDist: string | undefined;
}

export function loadConfig(env: Env = processEnv()): AppConfig {
  return { ...loadRuntimeConfig(env), webDist: undefined };
}
