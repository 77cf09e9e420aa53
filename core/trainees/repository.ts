/**
 * The collections enrolment touches, through @cloudbase/node-sdk: `trainees` (one document per openid),
 * `roster`, `enrol_attempts` and the training document's enrolment fields. No transactions: binding a
 * roster row is one conditional update (`boundOpenid: null` in the filter), so of two WeChat users claiming
 * the same row at once exactly one sees `updated: 1`.
 */
import type { Role } from '../../miniprogram/contracts/people';
import { COLLECTIONS } from '../database/collections';
import type { Database } from '../runtime/cloud';
import { normalizeTraining } from '../training/read-stored';
import { pickTraining } from '../training/schedule';
import {
  readEnrolment,
  readEnrolmentFields,
  readRosterRow,
  type Enrolment,
  type EnrolmentFields,
  type RosterRow,
} from './read-stored';

/** A roster is read whole to match a typed name (the SDK caps a read at 1000; a course is far smaller). */
export const MAX_ROSTER_ROWS = 1000;

function rowsOf(result: { data?: unknown }): unknown[] {
  return Array.isArray(result.data) ? result.data : [];
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

export interface Course extends EnrolmentFields {
  trainingId: string;
  /** 0 when the document has none. */
  groupCount: number;
}

/** What a stored enrolment holds (the `trainees` document, `_id` = openid). */
export interface EnrolmentDocument {
  name: string;
  unit: string;
  post: string;
  groupNo: number;
  role: Role;
  rosterId: string | null;
  enrolledAt: unknown;
  updatedAt: Date;
}

export class TraineesRepository {
  constructor(private readonly db: Database) {}

  /** The course enrolment is for: the training the schedule shows (core/training picks it the same way). */
  async course(): Promise<Course | null> {
    const raws = rowsOf(await this.db.collection(COLLECTIONS.trainings).limit(20).get());
    const picked = pickTraining(raws.map(normalizeTraining).filter(present));
    if (picked === null) return null;
    const raw = raws.find((candidate) => (candidate as { _id?: unknown })._id === picked.id);
    return { trainingId: picked.id, groupCount: picked.groupCount ?? 0, ...readEnrolmentFields(raw) };
  }

  async setRosterLocked(trainingId: string, locked: boolean): Promise<void> {
    await this.db.collection(COLLECTIONS.trainings).doc(trainingId).update({ rosterLocked: locked });
  }

  async enrolment(openid: string): Promise<Enrolment | null> {
    const [row] = rowsOf(await this.db.collection(COLLECTIONS.trainees).doc(openid).get());
    return row === undefined ? null : readEnrolment(row);
  }

  async saveEnrolment(openid: string, document: EnrolmentDocument): Promise<void> {
    await this.db.collection(COLLECTIONS.trainees).doc(openid).set(document);
  }

  async updateEnrolment(openid: string, fields: Partial<EnrolmentDocument>): Promise<void> {
    await this.db.collection(COLLECTIONS.trainees).doc(openid).update(fields);
  }

  async removeEnrolment(openid: string): Promise<void> {
    await this.db.collection(COLLECTIONS.trainees).doc(openid).remove();
  }

  async rosterRows(): Promise<RosterRow[]> {
    const result = await this.db.collection(COLLECTIONS.roster).limit(MAX_ROSTER_ROWS).get();
    return rowsOf(result).map(readRosterRow).filter(present);
  }

  /** One page of the roster in _id order, optionally one group's (groupNo typed as a number or as text). */
  async rosterPage(groupNo: number | undefined, after: string | undefined, limit: number): Promise<RosterRow[]> {
    return (await this.groupPage(COLLECTIONS.roster, groupNo, after, limit)).map(readRosterRow).filter(present);
  }

  /** Enrolled people in openid (_id) order, the same way. */
  async enrolmentPage(groupNo: number | undefined, after: string | undefined, limit: number): Promise<Enrolment[]> {
    return (await this.groupPage(COLLECTIONS.trainees, groupNo, after, limit)).map(readEnrolment).filter(present);
  }

  /** Keyset paging by _id after `after`, of one group when given (served by each collection's group_id index). */
  private async groupPage(
    collection: string,
    groupNo: number | undefined,
    after: string | undefined,
    limit: number,
  ): Promise<unknown[]> {
    const _ = this.db.command;
    const filter: Record<string, unknown> = {};
    if (groupNo !== undefined) filter.groupNo = _.in([groupNo, String(groupNo)]);
    if (after !== undefined) filter._id = _.gt(after);
    return rowsOf(await this.db.collection(collection).where(filter).orderBy('_id', 'asc').limit(limit).get());
  }

  /** Binds a free row to the openid; false when another openid got there first. */
  async claimRow(rowId: string, openid: string): Promise<boolean> {
    const result = await this.db
      .collection(COLLECTIONS.roster)
      .where({ _id: rowId, boundOpenid: null })
      .update({ boundOpenid: openid, boundAt: new Date() });
    return (result as { updated?: number }).updated === 1;
  }

  /** Frees one row, only if it is still bound to this openid. */
  async releaseRow(rowId: string, openid: string): Promise<void> {
    await this.db
      .collection(COLLECTIONS.roster)
      .where({ _id: rowId, boundOpenid: openid })
      .update({ boundOpenid: null, boundAt: null });
  }

  /** Frees every row bound to the openid (leave, unbind: also mends a row left bound by a hand edit). */
  async releaseRowsOf(openid: string): Promise<void> {
    await this.db
      .collection(COLLECTIONS.roster)
      .where({ boundOpenid: openid })
      .update({ boundOpenid: null, boundAt: null });
  }

  async updateRow(rowId: string, fields: { role: Role; groupNo: number | null }): Promise<void> {
    await this.db.collection(COLLECTIONS.roster).doc(rowId).update(fields);
  }

  async wrongCodesSince(openid: string, since: number): Promise<number> {
    const _ = this.db.command;
    const result = await this.db
      .collection(COLLECTIONS.enrolAttempts)
      .where({ openid, at: _.gt(since) })
      .count();
    return (result as { total?: number }).total ?? 0;
  }

  /** Records one wrong code; the caller's attempts older than `forgetBefore` are dropped on the way. */
  async recordWrongCode(openid: string, at: number, forgetBefore: number): Promise<void> {
    const _ = this.db.command;
    await this.db.collection(COLLECTIONS.enrolAttempts).add({ openid, at });
    await this.db
      .collection(COLLECTIONS.enrolAttempts)
      .where({ openid, at: _.lt(forgetBefore) })
      .remove();
  }
}
