/**
 * Saved copies for reading without network: the articles a reader opened and the last list, kept in
 * wx storage (10 MB per user) within a budget — at most MAX_ENTRIES copies and MAX_BYTES in all, the
 * copy saved longest ago evicted first. Pages show a saved copy at once (marked 已保存的副本), then
 * refresh it from the network. Storage failing (full, unavailable) only means no copy: never an error.
 */

/** The list of saved copies (key, size, when), in the order they were saved: oldest first. */
const INDEX_KEY = 'offline.index';
const ENTRY_PREFIX = 'offline.copy.';
export const MAX_ENTRIES = 30;
/** A fifth of WeChat's per-user storage: other features (drafts, settings) keep the rest. */
export const MAX_BYTES = 2 * 1024 * 1024;

interface IndexEntry {
  key: string;
  bytes: number;
  savedAt: number;
}

export interface SavedCopy<T> {
  value: T;
  /** When it was saved (ms since epoch). */
  savedAt: number;
}

function readIndex(): IndexEntry[] {
  try {
    const stored: unknown = wx.getStorageSync(INDEX_KEY);
    return Array.isArray(stored)
      ? stored.filter(
          (entry): entry is IndexEntry =>
            typeof entry?.key === 'string' && typeof entry?.bytes === 'number' && typeof entry?.savedAt === 'number',
        )
      : [];
  } catch {
    return [];
  }
}

/** Keep a copy of `value` under `key`, replacing an older one, then evict the oldest beyond the budget. */
export function saveCopy(key: string, value: unknown, now: number = Date.now()): void {
  try {
    const text = JSON.stringify({ value, savedAt: now });
    // UTF-16 code units × 2 over-counts ASCII and is close for Chinese: a safe upper bound of the stored size.
    const bytes = text.length * 2;
    if (bytes > MAX_BYTES) return;
    // Order by saving, not by savedAt: the phone's clock can go back, and sorting by it could put the copy
    // being saved first, evict it and then write it anyway (a copy no index lists and nothing ever deletes).
    // The key being saved goes last and is never evicted (it fits the budget alone, checked above).
    const index = readIndex().filter((entry) => entry.key !== key);
    index.push({ key, bytes, savedAt: now });
    let total = index.reduce((sum, entry) => sum + entry.bytes, 0);
    while (index.length > MAX_ENTRIES || total > MAX_BYTES) {
      const oldest = index.shift()!;
      total -= oldest.bytes;
      wx.removeStorageSync(ENTRY_PREFIX + oldest.key);
    }
    wx.setStorageSync(ENTRY_PREFIX + key, text);
    wx.setStorageSync(INDEX_KEY, index);
  } catch (error) {
    console.warn('离线副本未能保存', error);
  }
}

/** Forget the copy under `key` (the thing it copies is gone); nothing saved under it is not an error. */
export function removeCopy(key: string): void {
  try {
    wx.removeStorageSync(ENTRY_PREFIX + key);
    wx.setStorageSync(
      INDEX_KEY,
      readIndex().filter((entry) => entry.key !== key),
    );
  } catch (error) {
    console.warn('离线副本未能删除', error);
  }
}

/** The saved copy under `key`, or null (none, or unreadable). */
export function readCopy<T>(key: string): SavedCopy<T> | null {
  try {
    const text: unknown = wx.getStorageSync(ENTRY_PREFIX + key);
    if (typeof text !== 'string' || text === '') return null;
    const parsed = JSON.parse(text) as SavedCopy<T>;
    return typeof parsed.savedAt === 'number' ? parsed : null;
  } catch {
    return null;
  }
}
