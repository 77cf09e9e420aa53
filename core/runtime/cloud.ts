/**
 * The one CloudBase app of this process, created on first use from the process environment.
 * In the cloud nothing here is set: the platform supplies the environment id and the credentials
 * (SYMBOL_CURRENT_ENV, TENCENTCLOUD_SECRETID/SECRETKEY read by the SDK itself).
 * Elsewhere (the local stack, tests) whoever starts the functions sets the variables below; this file
 * knows nothing of the emulator, so no code of the local stack ships in a bundle.
 */
import tcb from '@cloudbase/node-sdk';

type CloudApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudApp['database']>;
type CloudSettings = Parameters<typeof tcb.init>[0];

/** The variables this runtime reads (all optional; none is set in the cloud). */
export const CLOUD_SETTINGS_VARIABLES = {
  /** node-sdk `serviceUrl`: every request goes to this address instead of Tencent Cloud. */
  serviceUrl: 'TCB_SERVICE_URL',
  /** node-sdk `env`: the environment id; absent, the platform's current one. */
  envId: 'TCB_ENV_ID',
  /** node-sdk `timeout` in milliseconds; absent, the SDK's default. */
  timeoutMs: 'TCB_TIMEOUT_MS',
} as const;

/** node-sdk init settings from the environment. */
function cloudSettingsFrom(environment: NodeJS.ProcessEnv): CloudSettings {
  const settings: CloudSettings = { env: environment[CLOUD_SETTINGS_VARIABLES.envId] || tcb.SYMBOL_CURRENT_ENV };
  const serviceUrl = environment[CLOUD_SETTINGS_VARIABLES.serviceUrl];
  if (serviceUrl) settings.serviceUrl = serviceUrl;
  const timeout = Number(environment[CLOUD_SETTINGS_VARIABLES.timeoutMs]);
  if (timeout > 0) settings.timeout = timeout;
  return settings;
}

let cached: { key: string; app: CloudApp } | null = null;

/**
 * The app for the current settings. In the cloud they never change; locally a test may point the functions at
 * a new emulator between calls, so a change of settings makes a new app (no reset call to remember).
 */
export function getCloudApp(): CloudApp {
  const key = Object.values(CLOUD_SETTINGS_VARIABLES)
    .map((name) => process.env[name] ?? '')
    .join('|');
  if (cached?.key !== key) cached = { key, app: tcb.init(cloudSettingsFrom(process.env)) };
  return cached.app;
}

export function getDatabase(): Database {
  return getCloudApp().database();
}
