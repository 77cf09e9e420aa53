// Local CloudBase database emulator: answers @cloudbase/node-sdk's wire protocol so cloud
// functions run unchanged against it (tcb.init({serviceUrl})). See client.ts for the init.
import type { AddressInfo } from 'node:net';
import { createEmulatorServer } from './server';
import { Store, type DeclaredCollection } from './store';
import { Transactions } from './transactions';
import { DATABASE } from '../../core/database/collections';
import { LocalStorage } from './storage';

export interface EmulatorOptions {
  /**
   * Folder for the journals and, under storage/, the files (created if missing). Data survives
   * restarts and kill -9.
   */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** The collections that exist from the start, with their indexes; default: core/database/collections.ts. */
  declaration?: readonly DeclaredCollection[];
  /** Where warnings go (a query no declared index serves); default console.warn. */
  warn?: (message: string) => void;
}

export interface RunningEmulator {
  /** The serviceUrl to hand to tcb.init, e.g. http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

export { createLocalCloudApp, LOCAL_ENV_ID } from './client';
export { localFileId } from './cloud-path';

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  // Storage addresses name the emulator's own port, known only once it listens.
  const listening = { port: 0 };
  const storage = new LocalStorage(options.dataDir, () => `http://127.0.0.1:${listening.port}`);
  const transactions = new Transactions();
  const store = Store.open(options.dataDir, options.declaration ?? DATABASE, {
    warn: options.warn ?? ((message) => console.warn(message)),
    checkUnlocked: (collection, keys) => transactions.checkUnlocked(collection, keys),
  });
  transactions.attach(store);
  const server = createEmulatorServer({ store, storage, transactions });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close(); // e.g. the port is taken: do not keep the journals open
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  listening.port = port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          transactions.close();
          store.close();
          resolve();
        });
        // node-sdk keeps connections alive: drop idle ones so close() does not wait for them.
        server.closeIdleConnections();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
