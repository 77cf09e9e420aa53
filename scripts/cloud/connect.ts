/**
 * Where the organisers' commands (`npm run publish`, `npm run export:reflections`) read and write: a real
 * CloudBase environment when TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY are set, otherwise the local stack
 * (`npm start`; the emulator at TCB_SERVICE_URL, or EMULATOR_PORT, default PORT+1 = 3001). One place, so
 * every command finds the same database the same way and says the same thing when it cannot.
 */
import tcb from '@cloudbase/node-sdk';
import { createLocalCloudApp } from '../../local/emulator/client';
import { localStackPorts } from '../../local/ports';

export interface CloudTarget {
  app: tcb.CloudBase;
  /** 本地环境 http://… or 云开发环境 <env>, for the command's first line. */
  where: string;
}

export function connectCloud(env: NodeJS.ProcessEnv = process.env): CloudTarget {
  const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = env;
  if (TCB_ENV && TCB_SECRET_ID && TCB_SECRET_KEY) {
    return {
      app: tcb.init({ env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }),
      where: `云开发环境 ${TCB_ENV}`,
    };
  }
  const url = env.TCB_SERVICE_URL || `http://127.0.0.1:${localStackPorts(env).emulatorPort}/`;
  return { app: createLocalCloudApp(url), where: `本地环境 ${url}` };
}

/** What an organiser is told when nothing answers at the local address. */
export const NO_LOCAL_STACK = '连不上本地环境，请先在另一个终端运行 npm start';

/** node-sdk reports a refused connection in the message or in the cause, depending on the path. */
export function isConnectionRefused(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /ECONNREFUSED/.test(`${error.message} ${String((error as { cause?: unknown }).cause)}`);
}
