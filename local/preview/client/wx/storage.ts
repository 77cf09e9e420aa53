/**
 * The preview's wx storage: the shared storage APIs (local/wx/storage.ts) on the browser's localStorage,
 * under a prefix so the preview's own settings and other sites' data never mix with the mini-program's.
 * Values keep their type (JSON-wrapped) and survive a reload, as on a phone.
 */
import { storageApis as sharedStorageApis, type KeyValueStore } from '../../../wx/storage';

const PREFIX = 'wxp-storage:';

const localStore: KeyValueStore = {
  has: (key) => localStorage.getItem(PREFIX + key) !== null,
  get(key) {
    try {
      return (JSON.parse(localStorage.getItem(PREFIX + key) ?? '') as { data: unknown }).data;
    } catch {
      return '';
    }
  },
  set: (key, value) => localStorage.setItem(PREFIX + key, JSON.stringify({ data: value })),
  delete: (key) => localStorage.removeItem(PREFIX + key),
  keys() {
    const found: string[] = [];
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index);
      if (key?.startsWith(PREFIX)) found.push(key.slice(PREFIX.length));
    }
    return found;
  },
  bytes() {
    return this.keys().reduce((sum, key) => sum + (localStorage.getItem(PREFIX + key)?.length ?? 0) * 2, 0);
  },
};

export const storageApis = sharedStorageApis(localStore);
