/**
 * The whole local stack for end-to-end tests, on ports the OS picks: the CloudBase emulator
 * (fresh data folder), the seed, the functions host and the preview mounted on it — the same
 * pieces `npm start` wires together. `close()` stops everything and removes the data folder.
 *
 * Flows that need more than the seed put it in through the real node-sdk, as an organiser's
 * console would: `stack.db` (a node-sdk Database) for documents, `stack.putFile(path, bytes)`
 * for files in storage (it answers the cloud:// file id to put in a document).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type tcb from '@cloudbase/node-sdk';
import { startLocalStack } from '../../local/stack';
import { buildFunctions } from '../../scripts/build-functions';
import { packMiniprogramNpm } from '../../scripts/build-miniprogram-npm';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export interface E2EStack {
  /** e.g. http://127.0.0.1:41234 — the preview is at `${url}/`. */
  url: string;
  /** The emulator's address (node-sdk serviceUrl). */
  emulatorUrl: string;
  /** The real node-sdk pointed at the emulator (storage, database). */
  app: tcb.CloudBase;
  /** The database the functions read, through node-sdk: `stack.db.collection('articles').add({…})`. */
  db: ReturnType<tcb.CloudBase['database']>;
  /** Uploads `bytes` to storage at `cloudPath` through node-sdk's uploadFile; answers its cloud:// file id. */
  putFile(cloudPath: string, bytes: Buffer | string): Promise<string>;
  close(): Promise<void>;
}

export interface E2EStackOptions {
  /** A folder holding miniprogram/ to preview instead of the project's (tests that break a page). */
  previewProjectRoot?: string;
}

let built: Promise<void> | undefined;

const BUILD_LOCK = path.join(PROJECT_ROOT, 'dist', '.e2e-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds miniprogram_npm and the function bundles as `npm start` does, once per test run:
 * jest runs test files in parallel workers, and two builds writing dist/ at once would let a
 * worker load a half-written bundle. The first worker takes a lock folder and builds; the
 * others wait for it to go away and use that build.
 */
function buildOnce(): Promise<void> {
  built ??= (async () => {
    fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
    for (;;) {
      try {
        fs.mkdirSync(BUILD_LOCK);
        break;
      } catch {
        const age = Date.now() - (fs.statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (age > STALE_LOCK_MS) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
        else {
          while (fs.existsSync(BUILD_LOCK)) await sleep(200);
          return;
        }
      }
    }
    try {
      await packMiniprogramNpm();
      await buildFunctions();
    } finally {
      fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  })();
  return built;
}

export async function startE2EStack(options: E2EStackOptions = {}): Promise<E2EStack> {
  await buildOnce();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-e2e-'));
  try {
    const stack = await startLocalStack({
      port: 0,
      emulatorPort: 0,
      dataDir,
      projectRoot: options.previewProjectRoot ?? PROJECT_ROOT,
    });
    const { app } = stack;
    return {
      url: stack.url,
      emulatorUrl: stack.emulatorUrl,
      app,
      db: app.database(),
      async putFile(cloudPath, bytes) {
        const fileContent = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
        const { fileID } = await app.uploadFile({ cloudPath, fileContent });
        if (!fileID) throw new Error(`文件没有放进本地存储：${cloudPath}`);
        return fileID;
      },
      async close() {
        await stack.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
