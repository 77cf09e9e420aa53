import {
  datesBetween,
  formatDateRangeCn,
  formatMonthDayCn,
  isCalendarDate,
  isClockTime,
  minutesOfDay,
  normalizeCalendarDate,
  normalizeClockTime,
  normalizeInstant,
  shanghaiClock,
  shanghaiInstant,
} from '../../../miniprogram/lib/datetime';

describe('calendar dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-11-19')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-11-31')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-11-9')).toBe(false);
    expect(isCalendarDate(20241119)).toBe(false);
    expect(isCalendarDate(undefined)).toBe(false);
  });

  it('reads the ways a date gets typed by hand, and refuses what is not a date', () => {
    expect(normalizeCalendarDate('2024-11-19')).toBe('2024-11-19');
    expect(normalizeCalendarDate('2024/11/19')).toBe('2024-11-19');
    expect(normalizeCalendarDate('2024.11.9')).toBe('2024-11-09');
    expect(normalizeCalendarDate(' 2024年11月19日 ')).toBe('2024-11-19');
    expect(normalizeCalendarDate('2024-11-32')).toBeNull();
    expect(normalizeCalendarDate('11月19日')).toBeNull();
    expect(normalizeCalendarDate('明天')).toBeNull();
    expect(normalizeCalendarDate(45615)).toBeNull();
    expect(normalizeCalendarDate(null)).toBeNull();
    expect(normalizeCalendarDate(new Date('invalid'))).toBeNull();
  });

  it('lists the days of a range, and refuses to run away on a mistyped end', () => {
    expect(datesBetween('2024-11-30', '2024-12-02')).toEqual(['2024-11-30', '2024-12-01', '2024-12-02']);
    expect(datesBetween('2024-11-20', '2024-11-18')).toEqual([]);
    expect(datesBetween('2024-11-18', '2042-11-18')).toHaveLength(31);
  });

  it('writes dates and ranges the Chinese way', () => {
    expect(formatMonthDayCn('2024-01-05')).toBe('1月5日');
    expect(formatDateRangeCn('2024-11-18', '2024-11-18')).toBe('2024年11月18日');
    expect(formatDateRangeCn('2024-11-30', '2024-12-02')).toBe('2024年11月30日至12月2日');
    expect(formatDateRangeCn('2024-12-30', '2025-01-02')).toBe('2024年12月30日至2025年1月2日');
  });
});

describe('times of day', () => {
  it('accepts only HH:mm from 00:00 to 23:59', () => {
    expect(isClockTime('00:00')).toBe(true);
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('24:00')).toBe(false);
    expect(isClockTime('9:00')).toBe(false);
  });

  it('reads hand-typed times', () => {
    expect(normalizeClockTime('9:00')).toBe('09:00');
    expect(normalizeClockTime('14：30')).toBe('14:30');
    expect(normalizeClockTime('9点')).toBe('09:00');
    expect(normalizeClockTime('9点30分')).toBe('09:30');
    expect(normalizeClockTime('25:00')).toBeNull();
    expect(normalizeClockTime('下午')).toBeNull();
    expect(normalizeClockTime(900)).toBeNull();
  });

  it('reads HH:mm as minutes since midnight', () => {
    expect(minutesOfDay('14:30')).toBe(870);
  });
});

describe('Shanghai instants', () => {
  it('turns midnight in Shanghai into the right UTC instant, one second apart from the day before', () => {
    expect(shanghaiClock('2024-11-18T15:59:59Z').date).toBe('2024-11-18');
    expect(shanghaiClock('2024-11-18T16:00:00Z').date).toBe('2024-11-19');
    expect(shanghaiInstant('2024-11-19', '00:00')).toBe(Date.parse('2024-11-18T16:00:00Z'));
    expect(shanghaiInstant('2024-11-19', '00:00') - 1000).toBe(Date.parse('2024-11-18T15:59:59Z'));
  });

  it('round-trips every hour of a day', () => {
    for (let hour = 0; hour < 24; hour += 1) {
      const time = `${String(hour).padStart(2, '0')}:07`;
      expect(shanghaiClock(shanghaiInstant('2024-11-19', time))).toEqual({
        date: '2024-11-19',
        time,
        minutes: hour * 60 + 7,
      });
    }
  });
});

describe('zoned timestamps as dates', () => {
  it('reads an ISO timestamp with its zone as the Shanghai date of that instant', () => {
    expect(normalizeCalendarDate('2024-11-18T15:59:59Z')).toBe('2024-11-18');
    expect(normalizeCalendarDate('2024-11-18T16:00:00.000Z')).toBe('2024-11-19');
    expect(normalizeCalendarDate('2024-11-19T00:30:00+08:00')).toBe('2024-11-19');
    // Without a zone, a timestamp is ambiguous: refused rather than guessed.
    expect(normalizeCalendarDate('2024-11-19T00:30:00')).toBeNull();
  });
});

describe('stored timestamps as instants', () => {
  it('reads a Date, epoch ms, a zoned ISO string, and a zoneless one as Shanghai time', () => {
    const at = Date.parse('2024-11-19T06:30:00Z');
    expect(normalizeInstant(new Date(at))).toBe(at);
    expect(normalizeInstant(at)).toBe(at);
    expect(normalizeInstant('2024-11-19T14:30:00+08:00')).toBe(at);
    expect(normalizeInstant('2024-11-19 14:30')).toBe(at);
    expect(normalizeInstant('2024-11-19T14:30:00.250')).toBe(at + 250);
    expect(normalizeInstant('2024年11月19日')).toBe(Date.parse('2024-11-18T16:00:00Z'));
  });

  it('refuses what denotes no instant', () => {
    for (const value of ['2024-11-19 24:00', '2024-02-30 10:00', '2024-11-19 10:00:61', 'soon', 1e20, NaN, null, {}]) {
      expect(normalizeInstant(value)).toBeNull();
    }
    expect(normalizeInstant(new Date('garbage'))).toBeNull();
  });
});
