/**
 * The `context` a CloudBase function receives, built the way the platform builds it, so
 * `tcb.getCloudbaseContext(context)` inside the function reads the simulated caller exactly as in the cloud.
 * Old-architecture shape: identity travels in `environ`, a `KEY=value;KEY=value` string whose
 * WX_CONTEXT_KEYS / TCB_CONTEXT_KEYS list which keys belong to the call (node-sdk utils/tcbcontext.js).
 */
import { randomUUID } from 'node:crypto';

export interface SimulatedCaller {
  /** null: no WeChat user (a console test call). */
  openid: string | null;
  appid: string | null;
  /** TCB_SOURCE; null leaves it out. */
  source: string | null;
}

export interface InvocationContext {
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  request_id: string;
  environ: string;
  function_version: string;
  function_name: string;
  namespace: string;
}

/** The local stack's environment id (what TCB_ENV reads in the cloud). */
export const LOCAL_ENV = 'local';

/** CloudBase's defaults for a new function: 256 MB, 3 s. Informational: the host does not enforce them. */
const DEFAULT_MEMORY_MB = 256;
const DEFAULT_TIME_LIMIT_MS = 3000;

export function buildInvocationContext(
  functionName: string,
  caller: SimulatedCaller,
  requestId: string = randomUUID(),
): InvocationContext {
  const wx: Array<[string, string]> = [];
  if (caller.openid !== null) wx.push(['WX_OPENID', caller.openid]);
  if (caller.appid !== null) wx.push(['WX_APPID', caller.appid]);
  const tcbEntries: Array<[string, string]> = [
    ['TCB_ENV', LOCAL_ENV],
    ['TCB_SEQID', requestId],
    ['TRIGGER_SRC', 'tcb'],
  ];
  if (caller.source !== null) tcbEntries.push(['TCB_SOURCE', caller.source]);

  const entries: Array<[string, string]> = [];
  if (wx.length > 0) entries.push(['WX_CONTEXT_KEYS', wx.map(([key]) => key).join(',')], ...wx);
  entries.push(['TCB_CONTEXT_KEYS', tcbEntries.map(([key]) => key).join(',')], ...tcbEntries);

  return {
    memory_limit_in_mb: DEFAULT_MEMORY_MB,
    time_limit_in_ms: DEFAULT_TIME_LIMIT_MS,
    request_id: requestId,
    environ: entries.map(([key, value]) => `${key}=${value}`).join(';'),
    function_version: '$LATEST',
    function_name: functionName,
    namespace: LOCAL_ENV,
  };
}
