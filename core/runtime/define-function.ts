/**
 * defineFunction: the whole life of one invocation, the same for every cloud function.
 *   caller from `context` -> route on `event.action` -> who may (core/access/policy, the action's capability)
 *   -> validate with the action's schema -> call the core -> one envelope.
 * Never throws, never leaks a stack to the caller.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../miniprogram/contracts/envelope';
import { membershipLookup } from '../access/membership';
import { authorize, type Capability } from '../access/policy';
import { resolvePrincipal, type MembershipLookup, type Principal } from '../access/principal';
import { getDatabase } from './cloud';
import { fail, ok } from './envelope';
import { isAppError } from './errors';
import { callerFromContext, type Caller } from './identity';
import { readableStack } from './readable-stack';
import { parseOrThrow, type Schema } from './validation';

/** What a handler knows about the invocation besides its validated input. */
export interface CallContext {
  caller: Caller;
  /**
   * Who the caller is to the product. Actions that need only 'content.read' skip the enrolment lookup
   * (one database call saved on every read): there an enrolled person shows as a visitor.
   */
  principal: Principal;
  /** Name of the action being run. */
  action: string;
}

/**
 * Contract shape: action name -> its request and response types (see miniprogram/contracts).
 * Written as a mapped type so contract *interfaces* (which have no index signature) satisfy it.
 */
export type ActionContract<Contract> = {
  [Name in keyof Contract]: { request: { action: string }; response: unknown };
};

export interface ActionDefinition<Request, Response> {
  /** What the caller must be allowed (core/access/policy). Checked before the input is even validated. */
  access: Capability;
  schema: Schema<Request>;
  handler: (input: Request, ctx: CallContext) => Promise<Response>;
}

export type ActionDefinitions<Contract extends ActionContract<Contract>> = {
  [Name in keyof Contract]: ActionDefinition<Contract[Name]['request'], Contract[Name]['response']>;
};

/** The signature the platform calls: `exports.main = async (event, context) => result`. */
export type CloudFunctionMain = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Pass the contract explicitly so tsc checks every action exists and returns its contract's shape:
 * `export const main = defineFunction<ArticlesActions>({ actions: { list: {...}, get: {...} } })`.
 */
export function defineFunction<Contract extends ActionContract<Contract>>(definition: {
  actions: ActionDefinitions<Contract>;
  /** Where enrolments are read; the `trainees` collection unless a test says otherwise. */
  membership?: MembershipLookup;
}): CloudFunctionMain {
  const actions = definition.actions as Record<string, ActionDefinition<unknown, unknown>>;
  const lookup: MembershipLookup = definition.membership ?? ((openid) => membershipLookup(getDatabase())(openid));
  const noLookup: MembershipLookup = async () => null;

  return async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
    try {
      const caller = callerFromContext(context);
      if (!isPlainObject(event)) {
        return fail('INVALID_ARGUMENT', '请求格式有误：应为对象');
      }
      const action = event.action;
      if (typeof action !== 'string' || action === '') {
        return fail('INVALID_ARGUMENT', '缺少参数 action');
      }
      if (!Object.prototype.hasOwnProperty.call(actions, action)) {
        return fail('INVALID_ARGUMENT', `不支持的操作：${action.slice(0, 40)}`);
      }
      const { access, schema, handler } = actions[action];
      const principal = await resolvePrincipal(caller, event, access === 'content.read' ? noLookup : lookup);
      authorize(principal, access);
      const input = parseOrThrow(schema, event);
      return ok(await handler(input, { caller, principal, action }));
    } catch (error: unknown) {
      if (isAppError(error)) return fail(error.code, error.message);
      // A bug or an outage: log everything under an id, hand the caller only the id.
      const requestId = randomUUID();
      console.error(`[INTERNAL ${requestId}]`, readableStack(error));
      return fail('INTERNAL', undefined, requestId);
    }
  };
}
