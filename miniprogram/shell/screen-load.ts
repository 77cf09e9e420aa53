/**
 * How every screen loads what it shows, the same way on each page (the states are drawn by
 * components/state-view):
 * - the skeleton while the request runs, unless a refresh keeps the content already on screen;
 * - a failure shows the error state with its retry, or, over kept content, a toast: a failed pull-down
 *   refresh never blanks what the reader was looking at;
 * - an answer that no retry can change (NOT_FOUND, INVALID_ARGUMENT: the link points at nothing) shows
 *   the 'missing' state, which leads back to the home page instead of offering a useless retry; a screen
 *   showing a saved copy passes `onGone` so that NOT_FOUND drops the copy and shows 'missing' over it;
 * - an answer overtaken by a newer load of the same screen is dropped, so a slow old answer never
 *   overwrites a newer one;
 * - an answer the page cannot show (a function deployed older or newer than this client, answering
 *   another shape) ends in the error state too, not in a skeleton that never goes away.
 */
import type { ApiError, Envelope, ErrorCode } from '../contracts/envelope';

/** What a screen shows: its content ('ready') or one of the states of <state-view>. */
export type ScreenStatus = 'loading' | 'ready' | 'empty' | 'error' | 'missing';

/** Failures that say the thing asked for is not there: asking again gives the same answer. */
const MISSING_CODES: readonly ErrorCode[] = ['NOT_FOUND', 'INVALID_ARGUMENT'];

export const UNREADABLE_ANSWER_MESSAGE = '内容暂时无法显示，请更新小程序后重试';

/** The slice of a page that loading drives: its `status` and `errorMessage`. */
export interface Screen {
  data: { status: ScreenStatus };
  setData(data: { status: ScreenStatus; errorMessage?: string }): void;
}

export interface LoadOptions {
  /** A refresh: keep the content on screen while loading, and say a failure in a toast. */
  keepContent?: boolean;
  /**
   * The thing is gone (NOT_FOUND: withdrawn, archived, deleted): called before the 'missing' state
   * replaces even kept content, so a saved copy of it is not left readable. Network failures keep it.
   */
  onGone?: () => void;
}

/** Per screen: bumped by every load, so an answer can tell whether a newer load started meanwhile. */
const generations = new WeakMap<object, number>();

/** Compare before and after an await: a different value means a newer load has started since. */
export function loadGeneration(screen: object): number {
  return generations.get(screen) ?? 0;
}

/** Requests the screen's content and hands it to `show` (which sets status 'ready' or 'empty'). */
export async function loadScreen<T>(
  screen: Screen,
  request: () => Promise<Envelope<T>>,
  show: (data: T) => void,
  options: LoadOptions = {},
): Promise<void> {
  const generation = loadGeneration(screen) + 1;
  generations.set(screen, generation);
  const keepContent = options.keepContent === true && screen.data.status === 'ready';
  if (!keepContent) screen.setData({ status: 'loading' });
  const isStale = () => loadGeneration(screen) !== generation;
  try {
    const result = await request();
    if (isStale()) return;
    if (result.ok) show(result.data);
    else if (result.error.code === 'NOT_FOUND' && options.onGone) {
      options.onGone();
      reportFailure(screen, result.error, false);
    } else reportFailure(screen, result.error, keepContent);
  } catch (error) {
    // Services answer failures as envelopes; a throw means an answer of the wrong shape (in the service's
    // own post-processing or in `show`).
    if (isStale()) return;
    console.error('页面无法显示云函数的应答', error);
    reportFailure(screen, { code: 'INTERNAL', message: UNREADABLE_ANSWER_MESSAGE }, keepContent);
  }
}

function reportFailure(screen: Screen, error: ApiError, keepContent: boolean): void {
  if (keepContent) wx.showToast({ title: error.message, icon: 'none' });
  else
    screen.setData({ status: MISSING_CODES.includes(error.code) ? 'missing' : 'error', errorMessage: error.message });
}
