/**
 * The date module must answer the same whatever the time zone of the machine it runs on: a phone set to
 * New York, a cloud function in UTC, a developer in Shanghai. Each zone runs the same probe in its own process.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const PROBE = path.join(__dirname, 'probe.ts');

function probeIn(timeZone: string): unknown {
  const output = execFileSync(process.execPath, ['--import', 'tsx', PROBE], {
    cwd: ROOT,
    env: { ...process.env, TZ: timeZone },
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

describe('datetime across machine time zones', () => {
  const inUtc = probeIn('UTC');

  it('gives Shanghai wall-clock answers under TZ=UTC, around midnight included', () => {
    expect(inUtc).toMatchObject({
      // 23:58 in Shanghai, then midnight, then 13:00 (the 下午 window).
      highlights: [
        { current: ['late-evening'], next: 'first-morning' },
        { current: ['first-morning'], next: 'afternoon' },
        { current: ['afternoon'], next: null },
      ],
      clocks: [
        { date: '2024-11-18', time: '23:59', minutes: 23 * 60 + 59 },
        { date: '2024-11-19', time: '00:00', minutes: 0 },
        { date: '2024-11-19', time: '14:30', minutes: 14 * 60 + 30 },
        { date: '2024-03-11', time: '02:30', minutes: 150 },
      ],
      fromDateObject: '2024-11-19',
      instants: [Date.parse('2024-11-18T16:00:00Z'), Date.parse('2024-11-19T06:30:00Z')],
      typedInstants: [
        Date.parse('2024-11-19T06:30:00Z'),
        Date.parse('2024-11-18T16:00:05.500Z'),
        Date.parse('2024-11-18T16:00:00Z'),
      ],
      days: ['2024-11-18', '2024-11-19', '2024-11-20'],
      springDays: ['2024-03-09', '2024-03-10', '2024-03-11', '2024-03-30', '2024-03-31', '2024-04-01'],
      weekdays: ['周一', '周二', '周三'],
      labels: ['2024年11月18日', '2024年11月18日至20日'],
    });
  });

  it.each(['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Pacific/Kiritimati'])(
    'gives exactly the same answers under TZ=%s',
    (timeZone) => {
      expect(probeIn(timeZone)).toEqual(inUtc);
    },
  );
});
