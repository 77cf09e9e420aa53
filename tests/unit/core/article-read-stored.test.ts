/**
 * The forgiving read of an `articles` document: its dates go through the shared date module, so the
 * printed date is the Shanghai calendar date whatever the server's zone, and no value can break the list.
 */
import { isLoadableImageSource, normalizeArticle, normalizeDate } from '../../../core/articles/read-stored';

describe('normalizeDate (the date printed on an article)', () => {
  it('reads the ways a date gets typed, as the Shanghai calendar date', () => {
    expect(normalizeDate('2024-11-26')).toBe('2024-11-26');
    expect(normalizeDate('2024/11/26')).toBe('2024-11-26');
    expect(normalizeDate('2024.11.6')).toBe('2024-11-06');
    expect(normalizeDate('2024年11月26日')).toBe('2024-11-26');
    expect(normalizeDate(' 2024-11-26 ')).toBe('2024-11-26');
  });

  it('reads an instant on the Shanghai calendar: after 16:00 UTC it is already the next day', () => {
    expect(normalizeDate(new Date('2024-11-25T16:30:00Z'))).toBe('2024-11-26');
    expect(normalizeDate('2024-11-25T16:30:00Z')).toBe('2024-11-26');
    expect(normalizeDate({ $date: '2024-11-25T15:59:00.000Z' })).toBe('2024-11-25');
    expect(normalizeDate({ $date: { $numberLong: String(Date.parse('2024-11-25T16:30:00Z')) } })).toBe('2024-11-26');
    // Without a zone, a date and time is Shanghai wall-clock time: its date is the date written.
    expect(normalizeDate('2024-11-26 23:30')).toBe('2024-11-26');
    expect(normalizeDate('2024-11-26T00:10:00')).toBe('2024-11-26');
  });

  it('refuses what is not a date', () => {
    expect(normalizeDate('2024-02-30')).toBe('');
    expect(normalizeDate('2024')).toBe('');
    expect(normalizeDate('下周一')).toBe('');
    expect(normalizeDate(20241126)).toBe('');
    expect(normalizeDate(new Date('garbage'))).toBe('');
    expect(normalizeDate(null)).toBe('');
    expect(normalizeDate({ $date: {} })).toBe('');
  });
});

describe('normalizeArticle updatedAt', () => {
  const base = { _id: 'a1', title: '标题' };

  it('is an ISO instant; a time typed without a zone is Shanghai time', () => {
    expect(normalizeArticle({ ...base, updatedAt: '2024-11-26 16:00' })?.updatedAt).toBe('2024-11-26T08:00:00.000Z');
    expect(normalizeArticle({ ...base, updatedAt: '2024-11-26T08:00:00Z' })?.updatedAt).toBe(
      '2024-11-26T08:00:00.000Z',
    );
    expect(normalizeArticle({ ...base, updatedAt: Date.parse('2024-11-26T08:00:00Z') })?.updatedAt).toBe(
      '2024-11-26T08:00:00.000Z',
    );
  });

  it('is empty for a value that denotes no instant, however large or odd', () => {
    for (const updatedAt of [1e20, Number.NaN, 'soon', {}, [], true]) {
      expect(normalizeArticle({ ...base, updatedAt })?.updatedAt).toBe('');
    }
  });
});

describe('isLoadableImageSource (which photos the phone can load)', () => {
  it('takes https and cloud addresses, spaces in the file name included', () => {
    expect(isLoadableImageSource('cloud://env-1.6c6f/photos/会议 现场.jpg')).toBe(true);
    expect(isLoadableImageSource('https://example.org/a.png')).toBe(true);
  });

  it('refuses bare file names, http, and a scheme with nothing after it', () => {
    expect(isLoadableImageSource('微信图片_20241126155552')).toBe(false);
    expect(isLoadableImageSource('http://example.org/a.png')).toBe(false);
    expect(isLoadableImageSource('cloud://')).toBe(false);
    expect(isLoadableImageSource('cloud:// ')).toBe(false);
  });
});
