/**
 * The one CloudBase app of this process, created on first use.
 * In the cloud the platform injects the environment and credentials (SYMBOL_CURRENT_ENV).
 * Locally TCB_SERVICE_URL points the real SDK at the emulator, which answers the same wire protocol.
 */
import tcb from '@cloudbase/node-sdk';
import { createLocalCloudApp } from '../../local/emulator/client';

type CloudApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudApp['database']>;

let app: CloudApp | null = null;

function createApp(): CloudApp {
  const serviceUrl = process.env.TCB_SERVICE_URL;
  // A few hundred bytes of local-only code ride along in the bundle; the branch is dead in the cloud.
  if (serviceUrl) return createLocalCloudApp(serviceUrl);
  return tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
}

export function getCloudApp(): CloudApp {
  app ??= createApp();
  return app;
}

export function getDatabase(): Database {
  return getCloudApp().database();
}

/** Forget the app so the next call re-reads TCB_SERVICE_URL (tests that start their own emulator). */
export function resetCloudApp(): void {
  app = null;
}
