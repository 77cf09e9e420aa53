/**
 * wx storage (setStorageSync ... getStorageInfo), over any key-value store: the browser preview keeps it in
 * localStorage (survives reloads), the page tests in a Map they can read (tests/support/simulate.ts).
 * Values keep their type.
 */
import { ApiFailure, asyncApi } from './callbacks';

/** Where the values live. `has` tells a stored '' from a missing key (WeChat answers '' for both sync). */
export interface KeyValueStore {
  has(key: string): boolean;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  keys(): string[];
  /** Bytes the stored values take, for getStorageInfo. */
  bytes(): number;
}

/** WeChat's limit for one mini-program's storage on one phone. */
const LIMIT_BYTES = 10 * 1024 * 1024;

export function storageApis(store: KeyValueStore) {
  const setStorageSync = (key: string, data: unknown): void => {
    if (typeof key !== 'string' || key === '')
      throw new Error('setStorageSync:fail parameter error: key 必须是非空字符串');
    store.set(key, data);
  };
  const getStorageSync = (key: string): unknown => (store.has(key) ? store.get(key) : '');
  const removeStorageSync = (key: string): void => store.delete(key);
  const clearStorageSync = (): void => store.keys().forEach((key) => store.delete(key));
  const getStorageInfoSync = () => ({
    keys: store.keys(),
    currentSize: Math.ceil(store.bytes() / 1024),
    limitSize: LIMIT_BYTES / 1024,
  });
  return {
    setStorageSync,
    getStorageSync,
    removeStorageSync,
    clearStorageSync,
    getStorageInfoSync,
    setStorage: asyncApi('setStorage', (options: { key?: string; data?: unknown }) => {
      setStorageSync(String(options.key ?? ''), options.data);
      return {};
    }),
    getStorage: asyncApi('getStorage', (options: { key?: string }) => {
      if (!store.has(String(options.key))) throw new ApiFailure('getStorage', 'data not found');
      return { data: getStorageSync(String(options.key)) };
    }),
    removeStorage: asyncApi('removeStorage', (options: { key?: string }) => {
      removeStorageSync(String(options.key));
      return {};
    }),
    clearStorage: asyncApi('clearStorage', () => {
      clearStorageSync();
      return {};
    }),
    getStorageInfo: asyncApi('getStorageInfo', () => getStorageInfoSync()),
  };
}
