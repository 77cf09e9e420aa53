/**
 * The readers' list order, as one string stored on every article written through the function:
 *   "<1 pinned | 0>|<publication instant, ISO>|<_id>"
 * Sorting it descending gives pinned first, then newest, ties broken by id. The list's cursor is the last
 * key a page showed, and the next page asks for keys below it: an article published meanwhile sorts above
 * every key already shown, so it never pushes a shown one onto the next page (no repeat) nor shifts an
 * unseen one past the cursor (no skip).
 *
 * A document made by hand carries no key. Such documents come after every keyed one, newest id first
 * (a second phase of the same cursor), so they are listed, never lost.
 */
import { ARTICLE_MESSAGES } from '../../miniprogram/contracts/articles';
import { AppError } from '../runtime/errors';

/** Latest a key's instant can be: later dates typed by hand sort as this. */
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';
const NO_INSTANT = '0000-01-01T00:00:00.000Z';

export interface SortKeyParts {
  id: string;
  pinned: boolean;
  /** ISO instant of the first publication ('' when unknown). */
  publishedTime: string;
  /** The printed date, YYYY-MM-DD ('' when unknown): the instant when publishedTime is missing. */
  publishedAt: string;
}

function instantOf(parts: SortKeyParts): string {
  if (parts.publishedTime !== '') return parts.publishedTime > FAR_FUTURE ? FAR_FUTURE : parts.publishedTime;
  // The printed date alone: the end of that day in Shanghai, so a same-day publication with a time sorts near it.
  if (parts.publishedAt !== '') return new Date(`${parts.publishedAt}T23:59:59.999+08:00`).toISOString();
  return NO_INSTANT;
}

export function sortKeyOf(parts: SortKeyParts): string {
  return `${parts.pinned ? '1' : '0'}|${instantOf(parts)}|${parts.id}`;
}

/** Where a page ended: below a key (phase 1), or below an id among the documents without a key (phase 2). */
export type ListPosition = { key: string } | { idBelow: string } | null;

export function encodeListCursor(position: Exclude<ListPosition, null>): string {
  const payload = 'key' in position ? { k: position.key } : { m: position.idBelow };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeListCursor(cursor: string | undefined): ListPosition {
  if (cursor === undefined || cursor === '') return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; m?: unknown };
    if (typeof parsed.k === 'string' && parsed.k !== '') return { key: parsed.k };
    if (typeof parsed.m === 'string' && parsed.m !== '') return { idBelow: parsed.m };
  } catch {
    // fall through to the typed error
  }
  throw new AppError('INVALID_ARGUMENT', ARTICLE_MESSAGES.badCursor);
}
