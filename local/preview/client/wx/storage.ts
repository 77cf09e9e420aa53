/**
 * The preview's wx storage: the shared storage APIs (local/wx/storage.ts) on the browser's localStorage,
 * under a prefix so the preview's own settings and other sites' data never mix with the mini-program's.
 * Values keep their type (JSON-wrapped) and survive a reload, as on a phone. As on WeChat, each user has
 * storage of their own: the prefix names the simulated user, so switching identity never shows another
 * person's drafts or saved copies.
 */
import { storageApis as sharedStorageApis, type KeyValueStore } from '../../../wx/storage';
import { currentIdentity } from '../identity';

const prefix = (): string => `wxp-storage:${currentIdentity().openid}:`;

const localStore: KeyValueStore = {
  has: (key) => localStorage.getItem(prefix() + key) !== null,
  get(key) {
    try {
      return (JSON.parse(localStorage.getItem(prefix() + key) ?? '') as { data: unknown }).data;
    } catch {
      return '';
    }
  },
  set: (key, value) => localStorage.setItem(prefix() + key, JSON.stringify({ data: value })),
  delete: (key) => localStorage.removeItem(prefix() + key),
  keys() {
    const own = prefix();
    const found: string[] = [];
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index);
      if (key?.startsWith(own)) found.push(key.slice(own.length));
    }
    return found;
  },
  bytes() {
    const own = prefix();
    return this.keys().reduce((sum, key) => sum + (localStorage.getItem(own + key)?.length ?? 0) * 2, 0);
  },
};

export const storageApis = sharedStorageApis(localStore);
