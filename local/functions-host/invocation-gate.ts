/**
 * How the functions host stays answerable when the machine is busy or a burst arrives: a bounded number of
 * functions run at once, the others wait in line (first come, first served) for a bounded time, and a function
 * that runs past its timeout is answered for, as the platform ends an invocation at its timeout. Every call so
 * gets an answer in bounded time: the function's result, or a typed refusal the client retries
 * (HOST_BUSY, FUNCTION_TIMEOUT) — never a request left hanging until the client gives up.
 */

export interface InvocationLimits {
  /** Functions running at once; more calls wait in line. */
  concurrency: number;
  /** A call that waited this long for a turn is refused (HOST_BUSY) instead of started. */
  maxQueueWaitMs: number;
  /** Calls waiting at most; one more is refused at once. */
  maxQueueLength: number;
  /** A function still running after this long is answered for with FUNCTION_TIMEOUT (it is not stopped). */
  functionTimeoutMs: number;
}

/**
 * 3 s is a cloud function's default timeout on the platform, and none of ours sets another. The queue wait
 * keeps the worst answer (wait + timeout, 6 s) under node-sdk's default request timeout (15 s) and the local
 * one (5 s) plus a margin; 8 at once keeps a burst's calls from slowing each other past the timeout on one core.
 */
export const DEFAULT_INVOCATION_LIMITS: InvocationLimits = {
  concurrency: 8,
  maxQueueWaitMs: 3000,
  maxQueueLength: 1000,
  functionTimeoutMs: 3000,
};

export type InvocationOutcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'failed'; error: unknown }
  /** No turn within maxQueueWaitMs, or the line was full: nothing ran. */
  | { kind: 'busy' }
  /** The function ran past functionTimeoutMs; it may still finish (and write) later, as in the cloud. */
  | { kind: 'timeout' }
  /** The caller went away while waiting: nothing ran, nobody to answer. */
  | { kind: 'abandoned' };

interface Waiter {
  grant: () => void;
  refuse: (kind: 'busy' | 'abandoned') => void;
}

export class InvocationGate {
  private running = 0;
  private readonly line: Waiter[] = [];

  constructor(readonly limits: InvocationLimits = DEFAULT_INVOCATION_LIMITS) {}

  /** Calls running and waiting now (for logs and tests). */
  load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.line.length };
  }

  /**
   * Run `task` when a turn comes. `abandoned` resolves when the caller goes away (its connection closed):
   * a call still waiting then leaves the line without running.
   */
  async run<T>(task: () => Promise<T> | T, abandoned: Promise<void>): Promise<InvocationOutcome<T>> {
    const turn = await this.waitForTurn(abandoned);
    if (turn !== 'granted') return { kind: turn };
    let timer: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.limits.functionTimeoutMs);
      });
      const finished = Promise.resolve()
        .then(task)
        .then(
          (value): InvocationOutcome<T> => ({ kind: 'done', value }),
          (error: unknown): InvocationOutcome<T> => ({ kind: 'failed', error }),
        );
      const first = await Promise.race([finished, timedOut]);
      return first === 'timeout' ? { kind: 'timeout' } : first;
    } finally {
      clearTimeout(timer);
      // A timed-out function keeps running, but gives up its turn: one stuck function must not stop the host.
      this.release();
    }
  }

  private waitForTurn(abandoned: Promise<void>): Promise<'granted' | 'busy' | 'abandoned'> {
    if (this.running < this.limits.concurrency && this.line.length === 0) {
      this.running += 1;
      return Promise.resolve('granted');
    }
    if (this.line.length >= this.limits.maxQueueLength) return Promise.resolve('busy');
    return new Promise((resolve) => {
      let settled = false;
      const leave = (kind: 'granted' | 'busy' | 'abandoned') => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const index = this.line.indexOf(waiter);
        if (index >= 0) this.line.splice(index, 1);
        resolve(kind);
      };
      const waiter: Waiter = {
        grant: () => {
          this.running += 1;
          leave('granted');
        },
        refuse: leave,
      };
      const timer = setTimeout(() => waiter.refuse('busy'), this.limits.maxQueueWaitMs);
      void abandoned.then(() => waiter.refuse('abandoned'));
      this.line.push(waiter);
    });
  }

  private release(): void {
    this.running -= 1;
    const next = this.line[0];
    if (next && this.running < this.limits.concurrency) next.grant();
  }
}
