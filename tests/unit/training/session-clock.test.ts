import { nowAndNext, sessionWindows } from '../../../miniprogram/lib/session-clock';

const base = { partOfDay: null, start: null, end: null, durationMinutes: null } as const;
const at = (time: string) => Date.parse(`2024-11-18T${time}:00+08:00`);

describe('session windows', () => {
  it('gives no window without a day, or with a day alone', () => {
    expect(
      sessionWindows([
        { ...base, id: 'a', date: null, partOfDay: '晚上' },
        { ...base, id: 'b', date: '2024-11-18' },
      ]),
    ).toEqual([]);
  });

  it('ends an open-ended session at its duration, else at the next start that day, else with its part of day', () => {
    const sessions = [
      { ...base, id: 'with-duration', date: '2024-11-18', start: '19:00', durationMinutes: 120 },
      { ...base, id: 'open', date: '2024-11-18', start: '08:30' },
      { ...base, id: 'following', date: '2024-11-18', start: '10:00' },
    ];
    const windows = Object.fromEntries(sessionWindows(sessions).map((w) => [w.id, [w.startsAt, w.endsAt]]));
    expect(windows['with-duration']).toEqual([at('19:00'), at('21:00')]);
    expect(windows.open).toEqual([at('08:30'), at('10:00')]);
    expect(windows.following).toEqual([at('10:00'), at('12:00')]);
  });

  it('says nothing is on or next when no time is known', () => {
    expect(nowAndNext([{ ...base, id: 'a', date: null }], at('09:00'))).toEqual({ current: [], next: null });
  });

  it('counts the end as past: at 10:00 a 09:00–10:00 session is over and the 10:00 one is on', () => {
    const sessions = [
      { ...base, id: 'nine', date: '2024-11-18', start: '09:00', end: '10:00' },
      { ...base, id: 'ten', date: '2024-11-18', start: '10:00', end: '11:00' },
    ];
    expect(nowAndNext(sessions, at('10:00'))).toEqual({ current: ['ten'], next: null });
    expect(nowAndNext(sessions, at('09:59'))).toEqual({ current: ['nine'], next: 'ten' });
  });
});
