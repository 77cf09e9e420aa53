/**
 * wx storage on the browser's localStorage, under a prefix so the preview's own settings and
 * other sites' data never mix with the mini-program's. Values keep their type (JSON-wrapped).
 */
import { ApiFailure, asyncApi } from './async-api';

const PREFIX = 'wxp-storage:';
const LIMIT_BYTES = 10 * 1024 * 1024;

function keys(): string[] {
  const found: string[] = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key?.startsWith(PREFIX)) found.push(key.slice(PREFIX.length));
  }
  return found;
}

export function setStorageSync(key: string, data: unknown): void {
  if (typeof key !== 'string' || key === '')
    throw new Error('setStorageSync:fail parameter error: key 必须是非空字符串');
  localStorage.setItem(PREFIX + key, JSON.stringify({ data }));
}

export function getStorageSync(key: string): unknown {
  const raw = localStorage.getItem(PREFIX + key);
  if (raw === null) return '';
  try {
    return (JSON.parse(raw) as { data: unknown }).data;
  } catch {
    return '';
  }
}

export function removeStorageSync(key: string): void {
  localStorage.removeItem(PREFIX + key);
}

export function clearStorageSync(): void {
  keys().forEach(removeStorageSync);
}

export function getStorageInfoSync(): { keys: string[]; currentSize: number; limitSize: number } {
  const all = keys();
  const bytes = all.reduce((sum, key) => sum + (localStorage.getItem(PREFIX + key)?.length ?? 0) * 2, 0);
  return { keys: all, currentSize: Math.ceil(bytes / 1024), limitSize: LIMIT_BYTES / 1024 };
}

export const storageApis = {
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
    if (localStorage.getItem(PREFIX + String(options.key)) === null)
      throw new ApiFailure('getStorage', 'data not found');
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
