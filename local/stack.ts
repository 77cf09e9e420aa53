/**
 * The local stack, wired once for `npm start` and for the end-to-end tests: the CloudBase emulator,
 * the seed (imported through node-sdk when missing), the demo roster of the preview's identities
 * (local/demo-roster.ts), and the functions host with the browser preview
 * mounted on it. Building is the caller's job (start.ts builds every time; the e2e harness once per run).
 */
import type tcb from '@cloudbase/node-sdk';
import { createLocalCloudApp } from './emulator/client';
import { startEmulator } from './emulator/index';
import { startFunctionsHost } from './functions-host/index';
import { createPreviewHandler } from './preview/index';
import { seedDemoRoster } from './demo-roster';
import { seedDatabase, type SeedResult } from './seed';
import { FUNCTIONS_DIST_DIR } from '../scripts/build-functions';

export interface LocalStackOptions {
  /** Port of the functions host and preview; 0 lets the OS pick. */
  port: number;
  /** Port of the emulator; 0 lets the OS pick. */
  emulatorPort: number;
  dataDir: string;
  /** The folder holding miniprogram/ that the preview shows. */
  projectRoot: string;
}

export interface LocalStack {
  /** e.g. http://127.0.0.1:3000 — the preview is at `${url}/`, the functions at `${url}/functions/<name>`. */
  url: string;
  /** The emulator's address (node-sdk serviceUrl). */
  emulatorUrl: string;
  /** The real node-sdk pointed at the emulator. */
  app: tcb.CloudBase;
  seeded: SeedResult;
  close(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const emulator = await startEmulator({ dataDir: options.dataDir, port: options.emulatorPort });
  try {
    const app = createLocalCloudApp(emulator.url);
    const seeded = await seedDatabase(app.database());
    // Demo enrolments for the preview's identities and local enrolment settings: local only, never seed facts.
    await seedDemoRoster(app.database());
    const host = await startFunctionsHost({
      port: options.port,
      functionsDir: FUNCTIONS_DIST_DIR,
      serviceUrl: emulator.url,
      extraHandler: createPreviewHandler({ projectRoot: options.projectRoot, serviceUrl: emulator.url }),
    });
    return {
      url: host.url,
      emulatorUrl: emulator.url,
      app,
      seeded,
      async close() {
        await host.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
