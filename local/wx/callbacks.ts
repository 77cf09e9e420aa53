/**
 * WeChat's calling convention for asynchronous APIs, shared by every simulated `wx` (browser preview and page
 * tests): success/fail/complete callbacks, or a Promise when none is given; results carry errMsg "<name>:ok",
 * failures "<name>:fail <why>".
 */
export type Callbacks = {
  success?: (result: unknown) => void;
  fail?: (error: unknown) => void;
  complete?: (result: unknown) => void;
};
export type ApiOptions = Record<string, unknown> & Callbacks;

export class ApiFailure extends Error {
  constructor(
    readonly apiName: string,
    reason: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(reason.startsWith(`${apiName}:fail`) ? reason : `${apiName}:fail ${reason}`);
  }
}

export function asyncApi<O extends ApiOptions>(
  name: string,
  implementation: (options: O) => Promise<Record<string, unknown>> | Record<string, unknown>,
): (options?: O) => Promise<unknown> | undefined {
  return (options = {} as O) => {
    const wantsCallbacks = ['success', 'fail', 'complete'].some((key) => typeof options[key] === 'function');
    const run = (async () => {
      try {
        const result = await implementation(options);
        return { errMsg: `${name}:ok`, ...result };
      } catch (error) {
        if (error instanceof ApiFailure) throw { errMsg: error.message, ...error.extra };
        throw { errMsg: `${name}:fail ${error instanceof Error ? error.message : String(error)}` };
      }
    })();
    if (!wantsCallbacks) return run;
    deliverToCallbacks(run, options);
    return undefined;
  };
}

/** Hands the outcome of `run` to the caller's success/fail callbacks, then to complete. */
export function deliverToCallbacks(run: Promise<unknown>, callbacks: Callbacks): void {
  run.then(
    (result) => {
      callbacks.success?.(result);
      callbacks.complete?.(result);
    },
    (error: unknown) => {
      callbacks.fail?.(error);
      callbacks.complete?.(error);
    },
  );
}
