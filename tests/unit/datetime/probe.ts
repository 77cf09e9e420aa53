/**
 * Prints what the date module answers for a fixed battery of inputs, as JSON. Run by timezones.test.ts
 * in child processes with different TZ values: the output must not depend on the machine's time zone.
 */
import {
  datesBetween,
  formatDateCn,
  formatDateRangeCn,
  formatShanghaiDateTime,
  normalizeCalendarDate,
  shanghaiClock,
  shanghaiInstant,
  weekdayCn,
} from '../../../miniprogram/lib/datetime';

const instants = ['2024-11-18T15:59:59Z', '2024-11-18T16:00:00Z', '2024-11-19T06:30:00Z', '2024-03-10T18:30:00Z'];

const answers = {
  clocks: instants.map((iso) => shanghaiClock(iso)),
  epochClocks: instants.map((iso) => shanghaiClock(Date.parse(iso))),
  dateClocks: instants.map((iso) => shanghaiClock(new Date(iso))),
  formatted: instants.map((iso) => formatShanghaiDateTime(iso)),
  fromDateObject: normalizeCalendarDate(new Date('2024-11-18T16:30:00Z')),
  instants: [shanghaiInstant('2024-11-19'), shanghaiInstant('2024-11-19', '14:30')],
  days: datesBetween('2024-11-18', '2024-11-20'),
  // Across the start of US daylight saving time (2024-03-10) and Europe's (2024-03-31).
  springDays: datesBetween('2024-03-09', '2024-03-11').concat(datesBetween('2024-03-30', '2024-04-01')),
  weekdays: ['2024-11-18', '2024-11-19', '2024-11-20'].map(weekdayCn),
  labels: [formatDateCn('2024-11-18'), formatDateRangeCn('2024-11-18', '2024-11-20')],
};

process.stdout.write(JSON.stringify(answers));
