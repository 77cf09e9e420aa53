/**
 * Who is calling, as the platform says — read from the invocation `context` only.
 * The caller controls every byte of `event`, and `process.env` is shared between concurrent invocations,
 * so neither may decide identity.
 */
import tcb from '@cloudbase/node-sdk';

export interface Caller {
  /** The mini-program user's openid; null for calls that carry no WeChat user (console test, timer, another function). */
  openid: string | null;
  appid: string | null;
  /** Call chain as the platform reports it, e.g. `wx_client` or `wx_client,scf`; null when absent. */
  source: string | null;
}

export const ANONYMOUS_CALLER: Caller = Object.freeze({ openid: null, appid: null, source: null });

/** The old-style `environ` string turns values containing commas into arrays; put them back together. */
function asText(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (Array.isArray(value) && value.every((part) => typeof part === 'string')) return value.join(',');
  return null;
}

export function callerFromContext(context: unknown): Caller {
  if (context === null || typeof context !== 'object') return ANONYMOUS_CALLER;
  // Typed loosely on purpose: the SDK's types say string, but comma-containing values arrive as arrays.
  let platform: { WX_OPENID?: unknown; WX_APPID?: unknown; TCB_SOURCE?: unknown };
  try {
    platform = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  } catch {
    // A context the SDK cannot parse carries no identity we could trust.
    return ANONYMOUS_CALLER;
  }
  return {
    openid: asText(platform.WX_OPENID),
    appid: asText(platform.WX_APPID),
    source: asText(platform.TCB_SOURCE),
  };
}
