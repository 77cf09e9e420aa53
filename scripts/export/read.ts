/**
 * What the export reads, through @cloudbase/node-sdk, each document through its domain's forgiving reader:
 * the course (the latest-starting training document, as the reflections function decides its deadline),
 * the sessions, every enrolment and the reflections (of one group, or all).
 * Enrolments and reflections are read whole, page by page: keyset on _id (`_id > last`, ordered by _id, the
 * SDK's largest page of 1000), which the _id index serves alone or after the group_status_sort prefix.
 */
import type tcb from '@cloudbase/node-sdk';
import type { TrainingView } from '../../miniprogram/contracts/training';
import { COLLECTIONS } from '../../core/database/collections';
import { readReflection } from '../../core/reflections/read-stored';
import type { ReflectionDocument } from '../../core/reflections/stored';
import { readEnrolment, type Enrolment } from '../../core/trainees/read-stored';
import { TrainingRepository } from '../../core/training/repository';
import type { ExportSources } from './results';

/** The SDK's largest page (get() answers at most 1000 documents a call). */
const PAGE_SIZE = 1000;

type Database = ReturnType<tcb.CloudBase['database']>;

/** Every document of `collection` matching `filter`, in _id order, PAGE_SIZE a call. */
export async function readAll(
  db: Database,
  collection: string,
  filter: Record<string, unknown> = {},
  pageSize = PAGE_SIZE,
): Promise<unknown[]> {
  const _ = db.command;
  const all: unknown[] = [];
  let last: string | null = null;
  for (;;) {
    const where: Record<string, unknown> = last === null ? filter : { ...filter, _id: _.gt(last) };
    const { data }: { data?: unknown } = await db
      .collection(collection)
      .where(where)
      .orderBy('_id', 'asc')
      .limit(pageSize)
      .get();
    const rows: Array<{ _id?: unknown }> = Array.isArray(data) ? (data as Array<{ _id?: unknown }>) : [];
    all.push(...rows);
    if (rows.length < pageSize) return all;
    last = String(rows[rows.length - 1]._id);
  }
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

/** The course: with several training documents (last year's left in place), the latest-starting one. */
function currentTraining(trainings: TrainingView[]): TrainingView | null {
  const sorted = [...trainings].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  return sorted[0] ?? null;
}

export async function readSources(app: tcb.CloudBase, groupNo: number | null): Promise<ExportSources> {
  const db = app.database();
  const training = new TrainingRepository(db);
  const [trainings, sessions, trainees, reflections] = await Promise.all([
    training.trainings(),
    training.sessions(),
    // Everyone, then filtered by the forgiving reader's group: a group typed by hand as "3" still counts.
    readAll(db, COLLECTIONS.trainees),
    readAll(db, COLLECTIONS.reflections, groupNo === null ? {} : { groupNo }),
  ]);
  return {
    training: currentTraining(trainings),
    sessions,
    trainees: trainees.map(readEnrolment).filter(present<Enrolment>),
    reflections: reflections.map(readReflection).filter(present<ReflectionDocument>),
    groupNo,
  };
}
