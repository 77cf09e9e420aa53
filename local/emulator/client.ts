// How local code points @cloudbase/node-sdk at the emulator: directly (createLocalCloudApp, for the
// local stack's own tools and the tests) or, for the functions, through the environment variables
// that core/runtime/cloud.ts reads (localCloudEnvironment). Production code never imports this file.
//
// Why TENCENTCLOUD=true: off Tencent Cloud, node-sdk 3.18 decides whether it runs "internally"
// by probing http://metadata.tencentyun.com with a 30 ms timeout before EVERY request (a failed
// probe is never cached), which costs ~29 ms a database call on loopback. With
// TENCENTCLOUD=true it skips the probe. Read in node-sdk's source (utils/cloudplatform.ts,
// tcbapirequester.ts, tcbapiendpoint.ts), the variable changes only:
//   - isInternal = true, which picks the internal tcb-api host, but `serviceUrl`, when given,
//     replaces the whole URL, so requests still go to the emulator;
//   - the run-env tag in the X-TCB-Source header ('tencentcloud' instead of 'unknown').
// It does not touch credentials: the key pair is still used to sign.
import tcb from '@cloudbase/node-sdk';
import { CLOUD_SETTINGS_VARIABLES } from '../../core/runtime/cloud';
import { LOCAL_ENV_ID } from './local-env';

export { LOCAL_ENV_ID };

// The emulator does not verify signatures, but node-sdk refuses to send without a key pair.
const LOCAL_SECRET = 'local';
// Local calls are fast; a stuck emulator should fail a test quickly, not after 15 s.
const LOCAL_TIMEOUT_MS = 5000;

function checkedServiceUrl(serviceUrl: string): string {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(serviceUrl)) {
    throw new Error(`本地 serviceUrl 必须是 http://127.0.0.1:端口/ 形式：${serviceUrl}`);
  }
  return serviceUrl;
}

/**
 * The environment the functions' runtime (core/runtime/cloud.ts) reads, pointing it at the emulator.
 * Without a serviceUrl: everything but the address (a test may set TCB_SERVICE_URL itself later).
 * The key pair uses the platform's own variable names, which node-sdk reads when init() gets none.
 */
export function localCloudEnvironment(serviceUrl?: string): Record<string, string> {
  return {
    ...(serviceUrl ? { [CLOUD_SETTINGS_VARIABLES.serviceUrl]: checkedServiceUrl(serviceUrl) } : {}),
    [CLOUD_SETTINGS_VARIABLES.envId]: LOCAL_ENV_ID,
    [CLOUD_SETTINGS_VARIABLES.timeoutMs]: String(LOCAL_TIMEOUT_MS),
    TENCENTCLOUD_SECRETID: LOCAL_SECRET,
    TENCENTCLOUD_SECRETKEY: LOCAL_SECRET,
    TENCENTCLOUD: 'true',
  };
}

/**
 * Sets localCloudEnvironment(serviceUrl) in this process (functions run in the process that hosts them);
 * the returned function puts back what was there before.
 */
export function useLocalCloudEnvironment(serviceUrl: string): () => void {
  const variables = localCloudEnvironment(serviceUrl);
  const before = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** A node-sdk app talking to the emulator, for the local stack's own code (seed, preview storage, tests). */
export function createLocalCloudApp(serviceUrl: string): tcb.CloudBase {
  process.env.TENCENTCLOUD ??= 'true';
  return tcb.init({
    env: LOCAL_ENV_ID,
    secretId: LOCAL_SECRET,
    secretKey: LOCAL_SECRET,
    serviceUrl: checkedServiceUrl(serviceUrl),
    timeout: LOCAL_TIMEOUT_MS,
  });
}
