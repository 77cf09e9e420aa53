/**
 * The organisers' list (listAll) cursor: a position (how many articles came before). That list holds drafts
 * and documents typed by hand, which may carry no sort key at all, and is read by a handful of organisers
 * who do not publish while paging, so a position is the honest choice there. The readers' list pages by
 * sort key instead (sort-key.ts). Callers treat it as opaque; one that does not decode is INVALID_ARGUMENT.
 */
import { ARTICLE_MESSAGES } from '../../miniprogram/contracts/articles';
import { AppError } from '../runtime/errors';

const MAX_OFFSET = 100_000;

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const offset = (parsed as { o?: unknown } | null)?.o;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && offset <= MAX_OFFSET) return offset;
  } catch {
    // fall through to the typed error
  }
  throw new AppError('INVALID_ARGUMENT', ARTICLE_MESSAGES.badCursor);
}
