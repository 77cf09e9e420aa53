/**
 * Overviews for the page tests, built by the function's own rules: one from the seed (the report's
 * facts), one completed with exact times the way an organiser would in the console.
 */
import type { OverviewResponse } from '../../../miniprogram/contracts/training';
import { normalizeSession, normalizeTraining } from '../../../core/training/read-stored';
import { buildOverview } from '../../../core/training/schedule';
import seedSessions from '../../../seed/training/sessions.json';
import seedTraining from '../../../seed/training/training.json';

function overviewOf(sessions: unknown[]): OverviewResponse {
  return buildOverview(
    normalizeTraining(seedTraining),
    sessions.map(normalizeSession).filter((session) => session !== null),
  );
}

export function seedOverview(): OverviewResponse {
  return overviewOf(seedSessions);
}

/** The seed plus a fictional day 1 with exact times (for highlighting tests only; not seed data). */
export function timedOverview(): OverviewResponse {
  return overviewOf([
    ...seedSessions,
    { _id: 't-0830', kind: 'other', title: '开班式', date: '2024-11-18', start: '08:30', end: '09:00' },
    { _id: 't-0900', kind: 'lecture', title: '上午讲座', date: '2024-11-18', start: '09:00', end: '11:30' },
    { _id: 't-1430', kind: 'lecture', title: '下午讲座', date: '2024-11-18', start: '14:30' },
    { _id: 't-day', kind: 'other', title: '只知道日期', date: '2024-11-18' },
  ]);
}

export function ok<T>(data: T) {
  return { ok: true, data };
}

/** The epoch ms of a Shanghai wall-clock time, written out so the test reads in local terms. */
export function shanghai(dateTime: string): number {
  return Date.parse(`${dateTime}:00+08:00`);
}
