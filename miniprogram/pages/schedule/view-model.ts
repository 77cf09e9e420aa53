/**
 * What the schedule page shows, computed from the overview and the Shanghai clock (pure, no wx).
 */
import {
  SESSION_KIND_LABELS,
  type OverviewResponse,
  type SessionKind,
  type SessionView,
} from '../../contracts/training';
import { formatDateRangeCn, formatMonthDayCn, weekdayCn } from '../../lib/datetime';
import type { NowAndNext } from '../../lib/session-clock';
import { sessionExtrasLabel, sessionTimeLabel, speakersLine } from '../../lib/session-labels';

/** Key of the tab holding the sessions not yet placed on a day. */
export const UNSCHEDULED_TAB = 'unscheduled';

export interface DayTab {
  key: string;
  label: string;
  sub: string;
  count: number;
  isToday: boolean;
}

export interface SessionCard {
  id: string;
  kind: SessionKind;
  kindLabel: string;
  title: string;
  timeLabel: string;
  speakers: string;
  extras: string;
  /** 'now' for a session under way, 'next' for the one that comes next, '' otherwise. */
  highlight: 'now' | 'next' | '';
}

export interface CourseHeader {
  name: string;
  dates: string;
  venue: string;
  theme: string;
  /** 5堂专题讲座, 1场交流会 …: separate items, so that a line never breaks inside one. */
  counts: string[];
}

const COUNT_WORDS: Record<SessionKind, string> = { lecture: '堂', exchange: '场', discussion: '次', other: '项' };

export function courseHeader(overview: OverviewResponse): CourseHeader {
  const training = overview.training;
  const counts = (Object.keys(COUNT_WORDS) as SessionKind[])
    .filter((kind) => overview.counts[kind] > 0)
    .map((kind) => `${overview.counts[kind]}${COUNT_WORDS[kind]}${SESSION_KIND_LABELS[kind]}`);
  return {
    name: training?.name || '培训日程',
    dates: training?.startDate && training.endDate ? formatDateRangeCn(training.startDate, training.endDate) : '',
    venue: training?.venue ?? '',
    theme: training?.theme ?? '',
    counts,
  };
}

/**
 * The tabs two by two: the page lays the pairs side by side when all fit on one line, and wraps
 * the second pair under the first when they do not (a large font step), so no tab is ever hidden.
 */
export function tabPairs(tabs: DayTab[]): DayTab[][] {
  const pairs: DayTab[][] = [];
  for (let start = 0; start < tabs.length; start += 2) pairs.push(tabs.slice(start, start + 2));
  return pairs;
}

export function dayTabs(overview: OverviewResponse, today: string): DayTab[] {
  const tabs: DayTab[] = overview.days.map((day) => ({
    key: day.date,
    label: formatMonthDayCn(day.date),
    sub: weekdayCn(day.date),
    count: day.sessions.length,
    isToday: day.date === today,
  }));
  if (overview.unscheduled.length > 0) {
    tabs.push({
      key: UNSCHEDULED_TAB,
      label: '待定',
      sub: '未排日期',
      count: overview.unscheduled.length,
      isToday: false,
    });
  }
  return tabs;
}

export function sessionsOfTab(overview: OverviewResponse, key: string): SessionView[] {
  if (key === UNSCHEDULED_TAB) return overview.unscheduled;
  return overview.days.find((day) => day.date === key)?.sessions ?? [];
}

/** Today's tab during the course; else the day of the next session; else the first day with sessions; else 待定. */
export function defaultTab(overview: OverviewResponse, today: string, clock: NowAndNext): string {
  if (overview.days.some((day) => day.date === today)) return today;
  const nextDay = overview.days.find((day) => day.sessions.some((session) => session.id === clock.next));
  if (nextDay) return nextDay.date;
  const firstFilled = overview.days.find((day) => day.sessions.length > 0);
  if (firstFilled) return firstFilled.date;
  if (overview.unscheduled.length > 0) return UNSCHEDULED_TAB;
  return overview.days[0]?.date ?? UNSCHEDULED_TAB;
}

export function sessionCards(sessions: SessionView[], clock: NowAndNext): SessionCard[] {
  return sessions.map((session) => ({
    id: session.id,
    kind: session.kind,
    kindLabel: session.kindLabel,
    title: session.title,
    timeLabel: sessionTimeLabel(session),
    speakers: speakersLine(session.speakers),
    extras: sessionExtrasLabel(session),
    highlight: clock.current.includes(session.id) ? 'now' : clock.next === session.id ? 'next' : '',
  }));
}

/** The sentence above a tab's list, or under an empty tab. */
export function tabHint(key: string, count: number, hasUnscheduled: boolean): string {
  if (key === UNSCHEDULED_TAB) return '以下日程的日期尚未排定，排定后会出现在对应日期下';
  if (count > 0) return '';
  return hasUnscheduled ? '这一天的日程尚未排定，未排日期的课程见“待定”' : '这一天的日程尚未排定';
}
