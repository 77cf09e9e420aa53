/**
 * Who the caller is *to this product*: worked out once per invocation from the platform's `context`
 * (never from `event`, which the caller writes) and the caller's enrolment.
 *
 * - console: no WeChat user, from a source no mini-program user can reach (the console's test panel,
 *   the server SDK with keys, a timer, another function). Organisers manage the course this way.
 * - stranger: no WeChat user but from a client-side source (HTTP access, the web SDK, a chained client
 *   call) or with an event shaped like an HTTP-access request: never privileged, reads only what is public.
 * - visitor: a WeChat user who has not enrolled.
 * - member: an enrolled WeChat user, with the role and group of their `trainees` document.
 */
import type { Role } from '../../miniprogram/contracts/people';
import type { Caller } from '../runtime/identity';

export type Principal =
  | { kind: 'console' }
  | { kind: 'stranger' }
  | { kind: 'visitor'; openid: string }
  | ({ kind: 'member'; openid: string } & Membership);

/** What the principal needs to know about an enrolled openid; null when the openid has not enrolled. */
export interface Membership {
  /** The enrolled name and unit, as shown beside what the person writes. */
  name: string;
  unit: string;
  role: Role;
  /** null when the document's group is missing or out of range (then no group-scoped permission holds). */
  groupNo: number | null;
}

export type MembershipLookup = (openid: string) => Promise<Membership | null>;

/**
 * TCB_SOURCE values that a person outside the organisers can produce. A call whose chain contains any of
 * them is a client call, even without an openid (`wx_client,scf`: a mini-program user's call forwarded by
 * another function). wx_localdebug is DevTools' local debugging, a client too.
 */
export const CLIENT_SOURCES: readonly string[] = ['wx_client', 'wx_devtools', 'wx_http', 'web_client', 'wx_localdebug'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The event of CloudBase's HTTP access service: {path, httpMethod, headers, queryStringParameters, requestContext, body, ...}. */
export function isHttpAccessEvent(event: unknown): boolean {
  return isRecord(event) && ('httpMethod' in event || 'requestContext' in event || 'headers' in event);
}

export function isClientSource(source: string | null): boolean {
  if (source === null) return false;
  return source
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .some((part) => CLIENT_SOURCES.includes(part));
}

/** The principal of one invocation. Looks up the enrolment only for a WeChat user. */
export async function resolvePrincipal(caller: Caller, event: unknown, lookup: MembershipLookup): Promise<Principal> {
  if (isHttpAccessEvent(event)) return { kind: 'stranger' };
  if (caller.openid === null) return isClientSource(caller.source) ? { kind: 'stranger' } : { kind: 'console' };
  const membership = await lookup(caller.openid);
  if (membership === null) return { kind: 'visitor', openid: caller.openid };
  return { kind: 'member', openid: caller.openid, ...membership };
}
