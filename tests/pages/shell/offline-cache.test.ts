// shell/offline-cache.ts against the simulated wx storage: copies come back, the budget holds, the oldest go first.
import { MAX_BYTES, MAX_ENTRIES, readCopy, removeCopy, saveCopy } from '../../../miniprogram/shell/offline-cache';
import { installMiniprogram } from '../../support/simulate';

/** The keys the cache's index in wx storage lists, oldest first. */
function savedKeys(): string[] {
  const index: unknown = wx.getStorageSync('offline.index');
  return Array.isArray(index) ? index.map((entry: { key: string }) => entry.key) : [];
}

describe('offline cache', () => {
  test('a saved copy comes back with the moment it was saved; an unknown key gives null', () => {
    installMiniprogram();
    saveCopy('article:a1', { title: '标题' }, 1000);
    expect(readCopy('article:a1')).toEqual({ value: { title: '标题' }, savedAt: 1000 });
    expect(readCopy('article:none')).toBeNull();
  });

  test('saving again replaces the copy and counts as newest', () => {
    installMiniprogram();
    saveCopy('a', 1, 1);
    saveCopy('b', 2, 2);
    saveCopy('a', 3, 3);
    expect(readCopy('a')?.value).toBe(3);
    expect(savedKeys()).toEqual(['b', 'a']);
  });

  test(`keeps at most ${MAX_ENTRIES} copies, evicting the oldest first`, () => {
    const harness = installMiniprogram();
    for (let index = 0; index < MAX_ENTRIES + 5; index += 1) saveCopy(`k${index}`, index, index);
    expect(savedKeys()).toHaveLength(MAX_ENTRIES);
    expect(readCopy('k0')).toBeNull();
    expect(readCopy('k4')).toBeNull();
    expect(readCopy('k5')?.value).toBe(5);
    // Evicted copies are removed from storage, not just forgotten by the index.
    expect([...harness.storage.keys()].filter((key) => key.startsWith('offline.copy.'))).toHaveLength(MAX_ENTRIES);
  });

  test('keeps the total under the byte budget, evicting the oldest first; one copy over the budget is not kept', () => {
    installMiniprogram();
    const big = '字'.repeat(Math.floor((MAX_BYTES * 0.3) / 2)); // 30% of the budget each (2 bytes a character)
    saveCopy('one', big, 1);
    saveCopy('two', big, 2);
    saveCopy('three', big, 3);
    saveCopy('four', big, 4);
    expect(savedKeys()).toEqual(['two', 'three', 'four']);
    saveCopy('huge', '字'.repeat(MAX_BYTES), 5);
    expect(readCopy('huge')).toBeNull();
    expect(savedKeys()).toEqual(['two', 'three', 'four']);
  });

  test('storage that fails (full, unavailable) means no copy, never an error', () => {
    installMiniprogram();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const original = wx.setStorageSync;
    wx.setStorageSync = () => {
      throw new Error('setStorage:fail exceed storage max size 10MB');
    };
    expect(() => saveCopy('x', 1)).not.toThrow();
    wx.setStorageSync = original;
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect(readCopy('x')).toBeNull();
  });
});

describe('offline cache · clock and removal', () => {
  test('a clock that went back while the budget is full never evicts the copy being saved', () => {
    const harness = installMiniprogram();
    for (let index = 0; index < MAX_ENTRIES; index += 1) saveCopy(`k${index}`, index, 1000 + index);
    saveCopy('late', 'new', 5); // the phone's clock went back
    expect(readCopy('late')?.value).toBe('new');
    expect(savedKeys()).toContain('late');
    expect(savedKeys()).toHaveLength(MAX_ENTRIES);
    expect(readCopy('k0')).toBeNull();
    // Every copy in storage is listed by the index (none untracked).
    const stored = [...harness.storage.keys()].filter((key) => key.startsWith('offline.copy.'));
    expect(stored.map((key) => key.slice('offline.copy.'.length)).sort()).toEqual([...savedKeys()].sort());
  });

  test('removeCopy forgets the copy and its index entry; an unknown key is fine', () => {
    const harness = installMiniprogram();
    saveCopy('a', 1, 1);
    saveCopy('b', 2, 2);
    removeCopy('a');
    removeCopy('none');
    expect(readCopy('a')).toBeNull();
    expect(savedKeys()).toEqual(['b']);
    expect(harness.storage.has('offline.copy.a')).toBe(false);
  });
});
