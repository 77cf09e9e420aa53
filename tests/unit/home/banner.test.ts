import { courseBanner, courseDates } from '../../../miniprogram/pages/home/banner';

describe('course banner', () => {
  it.each([
    ['2024-11-18', '2024-11-20', '2024年11月18日—20日'],
    ['2024-11-30', '2024-12-02', '2024年11月30日—12月2日'],
    ['2024-12-30', '2025-01-02', '2024年12月30日—2025年1月2日'],
    ['2024-11-18', '2024-11-18', '2024年11月18日'],
    ['2024-11-18', null, '2024年11月18日'],
    [null, '2024-11-20', '2024年11月20日'],
    [null, null, ''],
  ])('%s … %s -> %s', (start, end, expected) => {
    expect(courseDates(start, end)).toBe(expected);
  });

  it('shows nothing without a training or a name, and never throws on another shape', () => {
    expect(courseBanner(null)).toBeNull();
    expect(courseBanner(undefined)).toBeNull();
    expect(courseBanner({ name: 42 } as never)).toBeNull();
  });
});
