/**
 * Pure rules of the schedule: which training is the course, which day each session goes to, and in what
 * order. Sessions carry as much time as the organisers know: no day, a day, a day and a part of day, or
 * exact times; every level has its place.
 */
import {
  SESSION_KINDS,
  type MaterialView,
  type OverviewResponse,
  type PartOfDay,
  type ScheduleDay,
  type SessionCounts,
  type SessionView,
  type TrainingView,
} from '../../miniprogram/contracts/training';
import { TRAINING_LIMITS } from './limits';
import { datesBetween, minutesOfDay } from '../../miniprogram/lib/datetime';

const PART_RANK: Record<PartOfDay, number> = { 上午: 0, 下午: 1, 晚上: 2 };
/** Sessions of a day with no part of day known come after those that have one. */
const UNKNOWN_PART_RANK = 3;

function compareNumbers(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function byKindThenId(a: SessionView, b: SessionView): number {
  return (
    compareNumbers(SESSION_KINDS.indexOf(a.kind), SESSION_KINDS.indexOf(b.kind)) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Order within one day: part of day, then start time (sessions of a part with no hour after the timed
 * ones), then the organiser's explicit `order`, then kind, then id — so the order never depends on how
 * the database happened to return the documents.
 */
export function compareWithinDay(a: SessionView, b: SessionView): number {
  return (
    compareNumbers(
      a.partOfDay ? PART_RANK[a.partOfDay] : UNKNOWN_PART_RANK,
      b.partOfDay ? PART_RANK[b.partOfDay] : UNKNOWN_PART_RANK,
    ) ||
    compareNumbers(a.start ? minutesOfDay(a.start) : Infinity, b.start ? minutesOfDay(b.start) : Infinity) ||
    compareNumbers(a.order ?? Infinity, b.order ?? Infinity) ||
    byKindThenId(a, b)
  );
}

/** Order of the sessions not yet placed on a day: the organiser's `order`, then kind, then id. */
export function compareUnscheduled(a: SessionView, b: SessionView): number {
  return compareNumbers(a.order ?? Infinity, b.order ?? Infinity) || byKindThenId(a, b);
}

/** The course when several training documents exist: the latest start date wins, then the highest id. */
export function pickTraining(trainings: TrainingView[]): TrainingView | null {
  const sorted = [...trainings].sort(
    (a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  return sorted[0] ?? null;
}

/** The course's dates, start to end; empty when either is missing or they are the wrong way round. */
export function courseDates(training: TrainingView | null): string[] {
  if (!training?.startDate || !training.endDate) return [];
  return datesBetween(training.startDate, training.endDate, TRAINING_LIMITS.maxCourseDays);
}

export function countByKind(sessions: SessionView[]): SessionCounts {
  const counts: SessionCounts = { lecture: 0, exchange: 0, discussion: 0, other: 0, total: sessions.length };
  for (const session of sessions) counts[session.kind] += 1;
  return counts;
}

/** Everything the schedule page shows, from the training and all its sessions. */
export function buildOverview(training: TrainingView | null, sessions: SessionView[]): OverviewResponse {
  const byDate = new Map<string, SessionView[]>();
  const inCourse = courseDates(training);
  for (const date of inCourse) byDate.set(date, []);
  const unscheduled: SessionView[] = [];
  for (const session of sessions) {
    if (session.date === null) {
      unscheduled.push(session);
      continue;
    }
    // A date outside the course still gets its day, so the session stays visible and the mistake shows.
    const day = byDate.get(session.date) ?? [];
    day.push(session);
    byDate.set(session.date, day);
  }
  const withinCourse = new Set(inCourse);
  const days: ScheduleDay[] = [...byDate.keys()].sort().map((date) => ({
    date,
    withinCourse: withinCourse.has(date),
    sessions: (byDate.get(date) ?? []).sort(compareWithinDay),
  }));
  return { training, days, unscheduled: unscheduled.sort(compareUnscheduled), counts: countByKind(sessions) };
}

/**
 * The materials of a session: those it lists in `materialIds` (in that order), then those that name it
 * as their `sessionId` (by `order`, then title).
 */
export function materialsOfSession(session: SessionView, materials: MaterialView[]): MaterialView[] {
  const byId = new Map(materials.map((material) => [material.id, material]));
  const listed = session.materialIds
    .map((id) => byId.get(id))
    .filter((material): material is MaterialView => material !== undefined);
  const listedIds = new Set(listed.map((material) => material.id));
  const pointing = materials
    .filter((material) => material.sessionId === session.id && !listedIds.has(material.id))
    .sort(compareMaterials);
  return [...listed, ...pointing];
}

export function compareMaterials(a: MaterialView, b: MaterialView): number {
  return (
    compareNumbers(a.order ?? Infinity, b.order ?? Infinity) ||
    a.title.localeCompare(b.title, 'zh') ||
    (a.id < b.id ? -1 : 1)
  );
}
