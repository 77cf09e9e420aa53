/**
 * The one date and time module of the project, loaded by the mini-program and bundled into the functions.
 *
 * Every date and time the app shows or compares is Asia/Shanghai wall-clock time, whatever the time zone
 * of the phone (a trainee abroad) or of the server (cloud functions run in UTC).
 *
 * Why a fixed +08:00 offset and not Intl / dayjs's timezone plugin: the timezone plugin rests on
 * Intl.DateTimeFormat with `timeZone`, which the JavaScriptCore engine of WeChat on iOS does not
 * reliably provide, and it would fail silently there. China has kept UTC+8 all year since it dropped
 * daylight saving time in 1991, so a fixed offset is exact for every date this app deals with.
 *
 * Calendar dates ('YYYY-MM-DD') are handled as dates, never as instants; instants (epoch ms, ISO strings,
 * Date) are converted to Shanghai wall-clock fields with dayjs's utc plugin and the fixed offset.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Asia/Shanghai is UTC+8 with no daylight saving time (since 1991). */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** Hand-typed dates: 2024-11-19, 2024/11/19, 2024.11.19, 2024年11月19日, single-digit month/day. */
const LOOSE_DATE_PATTERN = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/;
/** A full timestamp with its zone (console exports, ISO strings): read as an instant. */
const ZONED_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** A date and time written without a zone ('2024-11-26 09:30', '2024-11-26T09:30:00'): Shanghai wall-clock time. */
const UNZONED_DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
/** Hand-typed times: 9:00, 09:00, 9：00 (full-width colon), 9点, 9点30. */
const LOOSE_TIME_PATTERN = /^\s*(\d{1,2})\s*(?:[:：点时]\s*(\d{1,2})?\s*分?)?\s*$/;

const WEEKDAYS_CN = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** Something that denotes an instant: epoch milliseconds, an ISO string, or a Date. */
export type InstantInput = number | string | Date;

/** The Shanghai wall clock at an instant. */
export interface ShanghaiClock {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm' */
  time: string;
  /** Minutes since Shanghai midnight, 0..1439. */
  minutes: number;
}

function inShanghai(instant: InstantInput): dayjs.Dayjs {
  return dayjs.utc(instant).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** A calendar date as a dayjs value at UTC midnight (never shifted by any time zone). */
function calendarDay(date: string): dayjs.Dayjs {
  return dayjs.utc(date);
}

/** True for a real calendar date written exactly 'YYYY-MM-DD' (2024-02-30 is false). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const parsed = calendarDay(value);
  return parsed.isValid() && parsed.year() === year && parsed.month() + 1 === month && parsed.date() === day;
}

/** True for a time of day written exactly 'HH:mm', 00:00 to 23:59. */
export function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && TIME_PATTERN.test(value);
}

/**
 * A calendar date typed by hand in the console, as 'YYYY-MM-DD', or null when it is not a real date.
 * A Date value (the console's 时间 field type) or a zoned ISO timestamp is read as the Shanghai date of
 * that instant.
 */
export function normalizeCalendarDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : shanghaiClock(value).date;
  }
  if (typeof value !== 'string') return null;
  if (ZONED_TIMESTAMP_PATTERN.test(value.trim())) {
    const instant = dayjs.utc(value.trim());
    return instant.isValid() ? shanghaiClock(instant.valueOf()).date : null;
  }
  const match = LOOSE_DATE_PATTERN.exec(value);
  if (!match) return null;
  const candidate = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isCalendarDate(candidate) ? candidate : null;
}

/**
 * The instant (epoch ms) a stored timestamp denotes, or null when it denotes none: a Date, epoch
 * milliseconds, an ISO string with its zone, or a date and time without a zone, read as Shanghai
 * wall-clock time (what an organiser in China means, whatever the server's zone). A calendar date alone
 * is its Shanghai midnight.
 */
export function normalizeInstant(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  // Beyond ±8.64e15 ms a Date is invalid (and toISOString would throw).
  if (typeof value === 'number') return Number.isNaN(new Date(value).getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (ZONED_TIMESTAMP_PATTERN.test(trimmed)) {
    const instant = dayjs.utc(trimmed);
    return instant.isValid() ? instant.valueOf() : null;
  }
  const unzoned = UNZONED_DATE_TIME_PATTERN.exec(trimmed);
  if (unzoned) {
    const [, date, time, seconds = '0', fraction = '0'] = unzoned;
    if (!isCalendarDate(date) || !isClockTime(time) || Number(seconds) > 59) return null;
    return shanghaiInstant(date, time) + Number(seconds) * 1000 + Number(fraction.padEnd(3, '0'));
  }
  const date = normalizeCalendarDate(trimmed);
  return date === null ? null : shanghaiInstant(date);
}

/** A time of day typed by hand, as 'HH:mm', or null when it is not one. */
export function normalizeClockTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = LOOSE_TIME_PATTERN.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Minutes since midnight of an 'HH:mm' time. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The Shanghai wall clock at an instant (default: now). */
export function shanghaiClock(instant: InstantInput = Date.now()): ShanghaiClock {
  const local = inShanghai(instant);
  return { date: local.format('YYYY-MM-DD'), time: local.format('HH:mm'), minutes: local.hour() * 60 + local.minute() };
}

/** The instant (epoch ms) of a Shanghai date and time of day. */
export function shanghaiInstant(date: string, time = '00:00'): number {
  return calendarDay(date).valueOf() + (minutesOfDay(time) - SHANGHAI_OFFSET_MINUTES) * 60_000;
}

/** 'YYYY-MM-DD HH:mm' in Shanghai time, e.g. when a reflection was written. */
export function formatShanghaiDateTime(instant: InstantInput): string {
  return inShanghai(instant).format('YYYY-MM-DD HH:mm');
}

/** Every calendar date from start to end inclusive; empty when end is before start; at most `limit` dates. */
export function datesBetween(start: string, end: string, limit = 31): string[] {
  const dates: string[] = [];
  let day = calendarDay(start);
  const last = calendarDay(end);
  while (!day.isAfter(last) && dates.length < limit) {
    dates.push(day.format('YYYY-MM-DD'));
    day = day.add(1, 'day');
  }
  return dates;
}

/** 周一 … 周日 of a calendar date. */
export function weekdayCn(date: string): string {
  return WEEKDAYS_CN[calendarDay(date).day()];
}

/** 11月18日 */
export function formatMonthDayCn(date: string): string {
  const day = calendarDay(date);
  return `${day.month() + 1}月${day.date()}日`;
}

/** 2024年11月18日 */
export function formatDateCn(date: string): string {
  return `${calendarDay(date).year()}年${formatMonthDayCn(date)}`;
}

/** 2024年11月18日至20日, 2024年11月30日至12月2日, 2024年12月30日至2025年1月2日, or one date when equal. */
export function formatDateRangeCn(start: string, end: string): string {
  if (start === end) return formatDateCn(start);
  const from = calendarDay(start);
  const to = calendarDay(end);
  if (from.year() !== to.year()) return `${formatDateCn(start)}至${formatDateCn(end)}`;
  if (from.month() !== to.month()) return `${formatDateCn(start)}至${formatMonthDayCn(end)}`;
  return `${formatDateCn(start)}至${to.date()}日`;
}
