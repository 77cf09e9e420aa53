// The one way local code should point @cloudbase/node-sdk at the emulator.
//
// Why TENCENTCLOUD=true: off Tencent Cloud, node-sdk 3.18 decides whether it runs "internally"
// by probing http://metadata.tencentyun.com with a 30 ms timeout before EVERY request (a failed
// probe is never cached), which costs ~29 ms a database call on loopback. With
// TENCENTCLOUD=true it skips the probe. Read in node-sdk's source (utils/cloudplatform.ts,
// tcbapirequester.ts, tcbapiendpoint.ts), the variable changes only:
//   - isInternal = true, which picks the internal tcb-api host, but `serviceUrl`, when given,
//     replaces the whole URL, so requests still go to the emulator;
//   - the run-env tag in the X-TCB-Source header ('tencentcloud' instead of 'unknown').
// It does not touch credentials: secretId/secretKey from init() are still used to sign.
// The variable is process-wide, so this helper sets it only when a local serviceUrl is in use
// (the functions runtime calls it only when TCB_SERVICE_URL is set) and never overrides a value
// somebody set on purpose.
import tcb from '@cloudbase/node-sdk';
import { LOCAL_ENV_ID } from './local-env';

export { LOCAL_ENV_ID };

export function createLocalCloudApp(serviceUrl: string): tcb.CloudBase {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(serviceUrl)) {
    throw new Error(`本地 serviceUrl 必须是 http://127.0.0.1:端口/ 形式：${serviceUrl}`);
  }
  process.env.TENCENTCLOUD ??= 'true';
  return tcb.init({
    env: LOCAL_ENV_ID,
    // The emulator does not verify signatures, but node-sdk refuses to send without a key pair.
    secretId: 'local',
    secretKey: 'local',
    serviceUrl,
    // Local calls are fast; a stuck emulator should fail a test quickly, not after 15 s.
    timeout: 5000,
  });
}
