/**
 * The `reflections` collection through @cloudbase/node-sdk. One method, one database call: the use cases'
 * call budget (submit ≤ 4, listGroup ≤ 2 with the enrolment lookup) is read off the use cases directly.
 */
import type { ReflectionStatus } from '../../miniprogram/contracts/reflections';
import { COLLECTIONS } from '../database/collections';
import { isRecord, text, unwrapDate, wholeNumber } from '../runtime/stored-fields';
import type { Database } from '../runtime/cloud';
import { readReflection } from './read-stored';
import type { ReflectionDocument } from './stored';
import type { HistoryEntry } from './status';

/** Most history lines kept per reflection (a bound on the document's size; each move adds one). */
const HISTORY_KEPT = 100;

function rowsOf(result: { data?: unknown }): unknown[] {
  return Array.isArray(result.data) ? result.data : [];
}

function documentsOf(result: { data?: unknown }): ReflectionDocument[] {
  return rowsOf(result)
    .map(readReflection)
    .filter((doc): doc is ReflectionDocument => doc !== null);
}

/**
 * An insert refused because the _id exists. The emulator answers code DATABASE_DUPLICATE_KEY; the real
 * database reports MongoDB's E11000 ("duplicate key error") inside a DATABASE_REQUEST_FAILED /
 * -502001 error, whose message is what node-sdk and wx-server-sdk hand on.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (!isRecord(error) && !(error instanceof Error)) return false;
  const { code, message, errMsg } = error as { code?: unknown; message?: unknown; errMsg?: unknown };
  if (code === 'DATABASE_DUPLICATE_KEY') return true;
  const said = `${typeof message === 'string' ? message : ''} ${typeof errMsg === 'string' ? errMsg : ''}`;
  return /E11000|duplicate key/i.test(said);
}

/** Which reflections a page is taken from, newest first unless `oldestFirst`. */
export type PageFilter =
  | { groupNo: number; status: ReflectionStatus }
  | { featured: true; status: 'published' }
  | { authorOpenid: string }
  | { status: ReflectionStatus };

export interface StatsRow {
  groupNo: number;
  count: number;
}

export class ReflectionRepository {
  constructor(private readonly db: Database) {}

  private get collection() {
    return this.db.collection(COLLECTIONS.reflections);
  }

  async byId(id: string): Promise<ReflectionDocument | null> {
    const [doc] = documentsOf(await this.collection.doc(id).get());
    return doc ?? null;
  }

  /**
   * One query for submit's two questions: does this draft's reflection exist already (by its _id), and
   * how many did the author submit since `since` (the rate limit)? At most `cap` recent ones are read.
   */
  async existingAndRecent(
    id: string,
    authorOpenid: string,
    since: Date,
    cap: number,
  ): Promise<{ existing: ReflectionDocument | null; recent: number }> {
    const _ = this.db.command;
    const result = await this.collection
      .where(_.or([{ _id: id }, { authorOpenid, createdAt: _.gt(since) }]))
      .limit(cap + 1)
      .get();
    const docs = documentsOf(result);
    const existing = docs.find((doc) => doc._id === id) ?? null;
    const recent = docs.filter((doc) => doc.authorOpenid === authorOpenid && doc.createdAt > since).length;
    return { existing, recent };
  }

  /** Insert a new reflection; false when a reflection with its _id exists already. */
  async insert(doc: ReflectionDocument): Promise<boolean> {
    try {
      await this.collection.add(doc);
      return true;
    } catch (error: unknown) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /**
   * Apply a change only if the reflection is still exactly as read: same status and same `updatedAt`,
   * which every write sets (optimistic concurrency without a transaction). False when it changed
   * meanwhile — an author's edit between a reviewer's read and approve is never published unread.
   */
  async change(read: ReflectionDocument, patch: Partial<ReflectionDocument>, entry: HistoryEntry): Promise<boolean> {
    const _ = this.db.command;
    const stored = 'storedUpdatedAt' in read ? read.storedUpdatedAt : read.updatedAt;
    const result = await this.collection
      .where({ _id: read._id, status: read.status, updatedAt: this.unchanged(stored) })
      .update({ ...patch, history: _.push({ each: [entry], slice: -HISTORY_KEPT }) });
    return (result as { updated?: number }).updated !== 0;
  }

  /**
   * The condition "updatedAt still holds what was read". Missing (a document made by hand in the
   * console) matches missing, so such a document can still be moved once; a date or a typed value
   * matches itself. A shape no condition can name (an object) leaves only the status guard.
   */
  private unchanged(stored: unknown): unknown {
    const _ = this.db.command;
    if (stored === undefined) return _.exists(false);
    if (stored instanceof Date || stored === null || typeof stored !== 'object') return stored;
    return _.exists(true);
  }

  /** A page of `limit` plus one (to know whether more follow), after the cursor's sort key. */
  async page(
    filter: PageFilter,
    after: string | null,
    limit: number,
    oldestFirst = false,
  ): Promise<ReflectionDocument[]> {
    const _ = this.db.command;
    const where = after === null ? filter : { ...filter, sortKey: oldestFirst ? _.gt(after) : _.lt(after) };
    const result = await this.collection
      .where(where)
      .orderBy('sortKey', oldestFirst ? 'asc' : 'desc')
      .limit(limit + 1)
      .get();
    return documentsOf(result);
  }

  /** Reflections per group and status (one aggregation), optionally of one group. */
  async countsByGroup(
    groupNo: number | null,
  ): Promise<Array<{ groupNo: number; status: string; featured: number; count: number }>> {
    const $ = this.db.command.aggregate;
    let pipeline = this.collection.aggregate();
    if (groupNo !== null) pipeline = pipeline.match({ groupNo });
    const result = await pipeline
      .group({
        _id: { groupNo: '$groupNo', status: '$status' },
        count: $.sum(1),
        featured: $.sum($.cond([$.eq(['$featured', true]), 1, 0])),
      })
      .limit(1000)
      .end();
    return rowsOf(result as { data?: unknown }).flatMap((row) => {
      if (!isRecord(row) || !isRecord(row._id)) return [];
      const group = wholeNumber(row._id.groupNo, 1, 99);
      if (group === null) return [];
      return [
        {
          groupNo: group,
          status: text(row._id.status),
          featured: Number(row.featured) || 0,
          count: Number(row.count) || 0,
        },
      ];
    });
  }

  /** Enrolled people per group (one aggregation over `trainees`), optionally of one group. */
  async enrolledByGroup(groupNo: number | null): Promise<StatsRow[]> {
    const $ = this.db.command.aggregate;
    let pipeline = this.db.collection(COLLECTIONS.trainees).aggregate();
    if (groupNo !== null) pipeline = pipeline.match({ groupNo });
    const result = await pipeline
      .group({ _id: '$groupNo', count: $.sum(1) })
      .limit(1000)
      .end();
    return rowsOf(result as { data?: unknown }).flatMap((row) => {
      if (!isRecord(row)) return [];
      const group = wholeNumber(row._id, 1, 99);
      return group === null ? [] : [{ groupNo: group, count: Number(row.count) || 0 }];
    });
  }

  /**
   * The course's `reflectionsOpenUntil` (from the trainings document, read forgivingly: a date, an ISO
   * string, {$date}; empty or unreadable = open). With several training documents the latest-starting wins.
   */
  async openUntil(): Promise<Date | null> {
    const result = await this.db.collection(COLLECTIONS.trainings).limit(20).get();
    const trainings = rowsOf(result).filter(isRecord);
    trainings.sort((a, b) => text(b.startDate).localeCompare(text(a.startDate)));
    return readOpenUntil(trainings[0]?.reflectionsOpenUntil);
  }
}

/**
 * A deadline as organisers type it: a Date, {$date}, '2024-11-20' (the end of that day in China),
 * '2024-11-20 22:00' (China time) or a full ISO instant. Anything else (or nothing) means open.
 */
export function readOpenUntil(raw: unknown): Date | null {
  const value = unwrapDate(raw);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const typed = value.trim();
  let iso = typed;
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) iso = `${typed}T23:59:59+08:00`;
  else if (/^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2})?$/.test(typed)) iso = `${typed.replace(' ', 'T')}+08:00`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
