/**
 * WeChat's content security check, msgSecCheck v2, through the documented cloud-call route:
 * wx-server-sdk's cloud.openapi.security.msgSecCheck, allowed by `permissions.openapi:
 * ["security.msgSecCheck"]` in cloudfunctions/reflections/config.json.
 *
 * wx-server-sdk stays OUT of the bundle: it installs 44 MB and pins its own node-sdk (3.17.2), and only
 * this adapter needs it. The function's package.json declares it, the cloud installs it beside the bundle
 * (build-functions keeps declared dependencies external), and it is required here on the first check
 * only, so cold starts and every other action never load it. Measured in scripts/bench/reflections.ts.
 */
import type { CheckSuggest, CheckVerdict } from './content-check';

interface MsgSecCheckAnswer {
  errCode?: number;
  errMsg?: string;
  result?: { suggest?: string; label?: number | string };
}

interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: unknown;
  init(options: { env: unknown }): void;
  openapi: {
    security: {
      msgSecCheck(request: {
        openid: string;
        scene: number;
        version: number;
        content: string;
      }): Promise<MsgSecCheckAnswer>;
    };
  };
}

/** scene 2: 评论 (comments and posts written by users), the closest of WeChat's four scenes. */
const SCENE_COMMENT = 2;

let sdk: WxServerSdk | null = null;

function wxServerSdk(): WxServerSdk {
  if (sdk === null) {
    // A plain require of an external module: loaded on the first check, never at cold start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('wx-server-sdk') as WxServerSdk;
    loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV });
    sdk = loaded;
  }
  return sdk;
}

function suggestOf(value: unknown): CheckSuggest {
  return value === 'pass' || value === 'review' || value === 'risky' ? value : 'error';
}

export async function checkWithWechat(part: string, openid: string): Promise<CheckVerdict> {
  const answer = await wxServerSdk().openapi.security.msgSecCheck({
    openid,
    scene: SCENE_COMMENT,
    version: 2,
    content: part,
  });
  if (answer.errCode !== undefined && answer.errCode !== 0) {
    return { suggest: 'error', label: `${answer.errCode} ${answer.errMsg ?? ''}`.trim(), checker: 'wechat' };
  }
  return { suggest: suggestOf(answer.result?.suggest), label: String(answer.result?.label ?? ''), checker: 'wechat' };
}
