// A fresh emulator per test file: its own temporary data folder (removed on close), a
// port picked by the OS, and a node-sdk app initialised the way local code does it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type tcb from '@cloudbase/node-sdk';
import { startEmulator } from '../../local/emulator/index';
import type { DeclaredCollection } from '../../local/emulator/store';
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
  /** Warnings the emulator printed (a query no declared index serves), oldest first. */
  warnings: string[];
  close(): Promise<void>;
}

export interface TestEmulatorOptions {
  /**
   * Collections a test uses beyond the declared ones (core/database/collections.ts): created with
   * db.createCollection() before the test runs, as a real environment needs them created first.
   */
  collections?: string[];
  /** Replaces the declaration (collections and indexes) the emulator starts from. */
  declaration?: readonly DeclaredCollection[];
}

export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-emulator-'));
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    console.warn(message);
  };
  const emulator = await startEmulator({ dataDir, port: 0, declaration: options.declaration, warn });
  const app = createLocalCloudApp(emulator.url);
  for (const name of options.collections ?? []) await app.database().createCollection(name);
  return {
    url: emulator.url,
    dataDir,
    app,
    db: app.database(),
    warnings,
    async close() {
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
