/**
 * The page cursor of the reflection lists: the sort key of the last item sent, opaque to the client.
 * The next page is `sortKey < cursor` (or `>` oldest first): one range condition on an index, the same
 * cost on page 1 and page 1,000 — never a skip over everything before.
 */
import { AppError } from '../runtime/errors';

export function encodeCursor(sortKey: string): string {
  return Buffer.from(JSON.stringify({ k: sortKey }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const key = (parsed as { k?: unknown } | null)?.k;
    if (typeof key === 'string' && key !== '' && key.length <= 120) return key;
  } catch {
    // fall through to the typed error
  }
  throw new AppError('INVALID_ARGUMENT', '参数 cursor 无效，请从第一页重新加载');
}
