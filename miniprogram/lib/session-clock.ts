/**
 * Which sessions are on now and which comes next, by Asia/Shanghai time whatever the phone's time zone.
 * Only sessions whose time is known take part: exact times give an exact window; a day and a part of day
 * (上午/下午/晚上) give that part's window; a day alone or no day gives none.
 */
import type { PartOfDay, SessionView } from '../contracts/training';
import { minutesOfDay, shanghaiInstant } from './datetime';

const MINUTE = 60_000;

/** The hours a part of day covers, in minutes since midnight. */
export const PART_OF_DAY_WINDOWS: Record<PartOfDay, { from: number; to: number }> = {
  上午: { from: 6 * 60, to: 12 * 60 },
  下午: { from: 12 * 60, to: 18 * 60 },
  晚上: { from: 18 * 60, to: 24 * 60 },
};

/** The part of day a start time falls in: before noon 上午, before 18:00 下午, then 晚上. */
export function partOfDayAt(time: string): PartOfDay {
  const minutes = minutesOfDay(time);
  if (minutes < PART_OF_DAY_WINDOWS.上午.to) return '上午';
  if (minutes < PART_OF_DAY_WINDOWS.下午.to) return '下午';
  return '晚上';
}

export interface SessionWindow {
  id: string;
  /** Epoch ms. */
  startsAt: number;
  endsAt: number;
}

type Timed = Pick<SessionView, 'id' | 'date' | 'partOfDay' | 'start' | 'end' | 'durationMinutes'>;

/**
 * The window of a session, or null when its time is not known. A session with a start but no end lasts
 * its known duration, else until the next session of that day starts, else until its part of day ends.
 */
export function sessionWindows(sessions: Timed[]): SessionWindow[] {
  const windows: SessionWindow[] = [];
  for (const session of sessions) {
    if (session.date === null) continue;
    if (session.start !== null) {
      const startsAt = shanghaiInstant(session.date, session.start);
      windows.push({
        id: session.id,
        startsAt,
        endsAt: endOf(session, session.date, session.start, sessions, startsAt),
      });
    } else if (session.partOfDay !== null) {
      const part = PART_OF_DAY_WINDOWS[session.partOfDay];
      const dayStart = shanghaiInstant(session.date);
      windows.push({ id: session.id, startsAt: dayStart + part.from * MINUTE, endsAt: dayStart + part.to * MINUTE });
    }
  }
  return windows;
}

function endOf(session: Timed, date: string, start: string, all: Timed[], startsAt: number): number {
  if (session.end !== null) return shanghaiInstant(date, session.end);
  if (session.durationMinutes !== null) return startsAt + session.durationMinutes * MINUTE;
  const startMinutes = minutesOfDay(start);
  const laterStarts = all
    .filter((other) => other.date === date && other.start !== null && minutesOfDay(other.start) > startMinutes)
    .map((other) => minutesOfDay(other.start as string));
  // The part of day the start falls in, when the organiser did not name one.
  const part = session.partOfDay ?? partOfDayAt(start);
  const partEnd = PART_OF_DAY_WINDOWS[part].to;
  return shanghaiInstant(date) + Math.min(partEnd, ...laterStarts) * MINUTE;
}

export interface NowAndNext {
  /** Sessions under way at `now` (more than one when a timed session falls inside a part-of-day one). */
  current: string[];
  /** The session that starts soonest after `now`; null when none is known. */
  next: string | null;
}

export function nowAndNext(sessions: Timed[], now: number): NowAndNext {
  const windows = sessionWindows(sessions);
  const current = windows.filter((window) => window.startsAt <= now && now < window.endsAt).map((window) => window.id);
  const upcoming = windows.filter((window) => window.startsAt > now).sort((a, b) => a.startsAt - b.startsAt);
  return { current, next: upcoming[0]?.id ?? null };
}
