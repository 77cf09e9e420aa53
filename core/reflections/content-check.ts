/**
 * The content check every reflection passes before anyone but its author and reviewers may see it: one
 * interface, two adapters, chosen by the environment.
 *  - production (default): WeChat's msgSecCheck v2 (wechat-check.ts);
 *  - local stack and tests: a word list an organiser can edit (word-list-check.ts), selected by
 *    CONTENT_CHECK_WORDS=<path of the list>, which the local functions host sets.
 * The outcome is one of pass / review / risky, or error when the checker failed or took longer than
 * CONTENT_CHECK_TIMEOUT_MS: the caller stores such a reflection as pending (never lost, never shown unchecked).
 */
import { graphemes } from '../../miniprogram/lib/graphemes';
import { checkWithWechat } from './wechat-check';
import { checkWithWordList } from './word-list-check';

export type CheckSuggest = 'pass' | 'review' | 'risky' | 'error';

export interface CheckVerdict {
  suggest: CheckSuggest;
  /** What the checker said about why (WeChat's label number, the matched word, the error), for reviewers. */
  label: string;
  /** Which checker answered: 'wechat' or 'words'. */
  checker: string;
}

/** Checks one piece of text no longer than MAX_PART_LENGTH UTF-16 units, written by `openid`. */
export interface ContentChecker {
  name: string;
  checkPart(part: string, openid: string): Promise<CheckVerdict>;
}

/** msgSecCheck takes at most 2,500 characters; longer texts are checked in parts. */
export const MAX_PART_LENGTH = 2500;
/** A function has 3 s by default; the check must leave time to store the reflection. */
const DEFAULT_TIMEOUT_MS = 2000;

const SEVERITY: Record<CheckSuggest, number> = { pass: 0, error: 1, review: 2, risky: 3 };

/** Splits at grapheme boundaries into parts of at most `max` UTF-16 units, so no emoji is cut in two. */
export function splitForCheck(text: string, max: number = MAX_PART_LENGTH): string[] {
  const parts: string[] = [];
  let current = '';
  for (const grapheme of graphemes(text)) {
    if (current.length + grapheme.length > max && current !== '') {
      parts.push(current);
      current = '';
    }
    current += grapheme;
  }
  if (current !== '') parts.push(current);
  return parts;
}

export function selectChecker(env: NodeJS.ProcessEnv = process.env): ContentChecker {
  const words = env.CONTENT_CHECK_WORDS;
  if (words) return { name: 'words', checkPart: (part) => checkWithWordList(words, part) };
  return { name: 'wechat', checkPart: checkWithWechat };
}

function timeoutMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.CONTENT_CHECK_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The verdict on a whole text (title and content together, so one call covers both when short): the
 * worst verdict of its parts. Never throws: a failure or a timeout is the verdict 'error'.
 */
export async function checkText(
  text: string,
  openid: string,
  checker: ContentChecker = selectChecker(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<CheckVerdict> {
  const ms = timeoutMs(env);
  const timedOut = (): CheckVerdict => ({ suggest: 'error', label: `timeout ${ms} ms`, checker: checker.name });
  try {
    const verdicts = await withTimeout(
      Promise.all(splitForCheck(text).map((part) => checker.checkPart(part, openid))),
      ms,
      () => [timedOut()],
    );
    return verdicts.reduce((worst, next) => (SEVERITY[next.suggest] > SEVERITY[worst.suggest] ? next : worst), {
      suggest: 'pass',
      label: '',
      checker: checker.name,
    } as CheckVerdict);
  } catch (error: unknown) {
    console.error('[content-check] failed', error);
    const message = error instanceof Error ? error.message : String(error);
    return { suggest: 'error', label: message.slice(0, 200), checker: checker.name };
  }
}
