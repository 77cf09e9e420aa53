/**
 * The list's opaque cursor. It carries a position (how many published articles came before) rather than
 * the last item's sort key: hand-typed documents may lack or garble publishedAt, and a key-based cursor
 * would silently skip them. The collection is small (a course's reports), so skipping is cheap.
 * Callers treat it as opaque; a cursor that does not decode is the caller's mistake (INVALID_ARGUMENT).
 */
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
  throw new AppError('INVALID_ARGUMENT', '参数 cursor 无效，请从第一页重新加载');
}
