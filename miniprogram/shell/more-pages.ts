/**
 * "Load more" of a cursor-paged list, the same way on every list screen: one request at a time, a
 * failure said in the footer (`moreError`, tap to retry), a page that comes back after a refresh started
 * dropped (the refresh replaces the list), and items already shown never repeated.
 * Answers the longer list, or null when there was nothing to do or nothing to show.
 */
import type { Envelope } from '../contracts/envelope';
import { loadGeneration, type ScreenStatus } from './screen-load';

interface MoreHost {
  data: { status: ScreenStatus; loadingMore: boolean };
  setData(data: { loadingMore: boolean; moreError?: string }): void;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export async function loadMorePages<T extends { id: string }>(
  host: MoreHost,
  shown: Page<T>,
  fetchPage: (cursor: string) => Promise<Envelope<Page<T>>>,
): Promise<Page<T> | null> {
  const cursor = shown.nextCursor;
  if (!cursor || host.data.loadingMore || host.data.status !== 'ready') return null;
  const generation = loadGeneration(host);
  host.setData({ loadingMore: true, moreError: '' });
  const result = await fetchPage(cursor);
  if (loadGeneration(host) !== generation) {
    host.setData({ loadingMore: false });
    return null;
  }
  if (!result.ok) {
    host.setData({ loadingMore: false, moreError: result.error.message });
    return null;
  }
  host.setData({ loadingMore: false });
  const known = new Set(shown.items.map((item) => item.id));
  return {
    items: [...shown.items, ...result.data.items.filter((item) => !known.has(item.id))],
    nextCursor: result.data.nextCursor,
  };
}
