/**
 * Prints what the date module answers for a fixed battery of inputs, as JSON. Run by timezones.test.ts
 * in child processes with different TZ values: the output must not depend on the machine's time zone.
 */
import {
  datesBetween,
  formatDateCn,
  formatDateRangeCn,
  normalizeCalendarDate,
  normalizeInstant,
  shanghaiClock,
  shanghaiInstant,
  weekdayCn,
} from '../../../miniprogram/lib/datetime';
import { nowAndNext } from '../../../miniprogram/lib/session-clock';

const instants = ['2024-11-18T15:59:59Z', '2024-11-18T16:00:00Z', '2024-11-19T06:30:00Z', '2024-03-10T18:30:00Z'];

const base = { partOfDay: null, start: null, end: null, durationMinutes: null } as const;
const sessions = [
  { ...base, id: 'late-evening', date: '2024-11-18', start: '22:00', end: '23:59' },
  { ...base, id: 'first-morning', date: '2024-11-19', start: '00:00', end: '08:00' },
  { ...base, id: 'afternoon', date: '2024-11-19', partOfDay: '下午' as const },
];

const answers = {
  highlights: ['2024-11-18T15:58:00Z', '2024-11-18T16:00:00Z', '2024-11-19T05:00:00Z'].map((iso) =>
    nowAndNext(sessions, Date.parse(iso)),
  ),
  clocks: instants.map((iso) => shanghaiClock(iso)),
  epochClocks: instants.map((iso) => shanghaiClock(Date.parse(iso))),
  dateClocks: instants.map((iso) => shanghaiClock(new Date(iso))),
  fromDateObject: normalizeCalendarDate(new Date('2024-11-18T16:30:00Z')),
  instants: [shanghaiInstant('2024-11-19'), shanghaiInstant('2024-11-19', '14:30')],
  // Stored timestamps typed without a zone are Shanghai wall-clock time.
  typedInstants: ['2024-11-19 14:30', '2024-11-19T00:00:05.5', '2024-11-19'].map(normalizeInstant),
  days: datesBetween('2024-11-18', '2024-11-20'),
  // Across the start of US daylight saving time (2024-03-10) and Europe's (2024-03-31).
  springDays: datesBetween('2024-03-09', '2024-03-11').concat(datesBetween('2024-03-30', '2024-04-01')),
  weekdays: ['2024-11-18', '2024-11-19', '2024-11-20'].map(weekdayCn),
  labels: [formatDateCn('2024-11-18'), formatDateRangeCn('2024-11-18', '2024-11-20')],
};

process.stdout.write(JSON.stringify(answers));
