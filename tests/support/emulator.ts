// A fresh emulator per test file: its own temporary data folder (removed on close), a
// port picked by the OS, and a node-sdk app initialised the way local code does it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type tcb from '@cloudbase/node-sdk';
import { startEmulator } from '../../local/emulator/index';
import { createLocalCloudApp } from '../../local/emulator/client';

export type CloudApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudApp['database']>;

export interface TestEmulator {
  /** serviceUrl of the emulator, e.g. http://127.0.0.1:PORT/ (startEmulatorForFunctions points the functions at it). */
  url: string;
  /** Folder holding the journals, in case a test wants to look at the files. */
  dataDir: string;
  app: CloudApp;
  db: Database;
  close(): Promise<void>;
}

export async function startTestEmulator(): Promise<TestEmulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-emulator-'));
  const emulator = await startEmulator({ dataDir, port: 0 });
  const app = createLocalCloudApp(emulator.url);
  return {
    url: emulator.url,
    dataDir,
    app,
    db: app.database(),
    async close() {
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
