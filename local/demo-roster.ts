/**
 * DEMO DATA, local stack only: makes the preview's simulated identities (local/preview/identities.ts) real
 * enrolments, so picking 学员 · 第 3 组 or 管理员 beside the phone shows what that person sees. Names like
 * 示例学员三 and the unit 示例单位（演示数据） say what they are. None of this is a fact of the course report:
 * it never goes into seed/, nor into `npm run export:console` files, nor into any cloud environment.
 *
 * Also the local enrolment settings of the training document (班级口令 示例口令, open enrolment), written
 * only where the document has none, so an organiser's local edits survive restarts.
 */
import type { Role } from '../miniprogram/contracts/people';
import { COLLECTIONS } from '../core/database/collections';
import type { Database } from '../core/runtime/cloud';
import { ADMIN, leaderOf, PREVIEW_GROUPS, traineeOf, type PreviewIdentity } from './preview/identities';

export const DEMO_UNIT = '示例单位（演示数据）';
/** The 班级口令 of the local stack (the report gives none; organisers set theirs in the console). */
export const DEMO_ENROL_CODE = '示例口令';
/** 认领码 of the demo leader row nobody has claimed yet, for trying the leader path in the preview. */
export const DEMO_CLAIM_CODE = 'DEMO-8888';

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface DemoRow {
  _id: string;
  name: string;
  unit: string;
  post: string;
  groupNo: number;
  role: Role;
  claimCode?: string;
  /** Marks the row as demo data wherever it is seen (console, list). */
  demo: true;
}

interface DemoPerson {
  row: DemoRow;
  /** The preview identity enrolled on the row; none for a row left free to be claimed. */
  identity: PreviewIdentity | null;
}

function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [];
  for (const group of PREVIEW_GROUPS) {
    const numeral = NUMERALS[group];
    const base = { unit: DEMO_UNIT, groupNo: group, demo: true as const };
    people.push({
      row: { _id: `demo-trainee-g${group}`, name: `示例学员${numeral}`, post: '演示学员', role: 'trainee', ...base },
      identity: traineeOf(group),
    });
    people.push({
      row: {
        _id: `demo-leader-g${group}`,
        name: `示例组长${numeral}`,
        post: '演示组长',
        role: 'leader',
        claimCode: `DEMO-LEADER-${group}`,
        ...base,
      },
      identity: leaderOf(group),
    });
  }
  people.push({
    row: {
      _id: 'demo-admin',
      name: '示例管理员',
      unit: DEMO_UNIT,
      post: '演示管理员',
      groupNo: 1,
      role: 'admin',
      claimCode: 'DEMO-ADMIN',
      demo: true,
    },
    identity: ADMIN,
  });
  // Left free: the new visitor can claim it with DEMO_CLAIM_CODE, or enrol openly as anyone else.
  people.push({
    row: {
      _id: 'demo-leader-unclaimed',
      name: '示例待认领组长',
      unit: DEMO_UNIT,
      post: '演示组长',
      groupNo: 2,
      role: 'leader',
      claimCode: DEMO_CLAIM_CODE,
      demo: true,
    },
    identity: null,
  });
  return people;
}

async function exists(db: Database, collection: string, id: string): Promise<boolean> {
  const result = await db.collection(collection).doc(id).get();
  return Array.isArray(result.data) && result.data.length > 0;
}

export interface DemoRosterResult {
  rows: number;
  enrolled: number;
}

/** Idempotent: writes only what is missing (a row, an identity's enrolment, a setting). */
export async function seedDemoRoster(db: Database, now: Date = new Date()): Promise<DemoRosterResult> {
  const result: DemoRosterResult = { rows: 0, enrolled: 0 };
  const trainings = (await db.collection(COLLECTIONS.trainings).limit(20).get()).data as Array<Record<string, unknown>>;
  for (const training of trainings) {
    const missing: Record<string, unknown> = {};
    if (!('enrolCode' in training)) missing.enrolCode = DEMO_ENROL_CODE;
    if (!('openEnrolment' in training)) missing.openEnrolment = true;
    if (Object.keys(missing).length > 0) {
      await db.collection(COLLECTIONS.trainings).doc(String(training._id)).update(missing);
    }
  }
  for (const { row, identity } of demoPeople()) {
    const { _id, ...fields } = row;
    if (!(await exists(db, COLLECTIONS.roster, _id))) {
      await db
        .collection(COLLECTIONS.roster)
        .doc(_id)
        .set({ ...fields, boundOpenid: null, boundAt: null });
      result.rows += 1;
    }
    if (identity === null || (await exists(db, COLLECTIONS.trainees, identity.openid))) continue;
    // Bind only a free row (someone may have claimed it in the preview after this identity left).
    const bound = await db
      .collection(COLLECTIONS.roster)
      .where({ _id, boundOpenid: null })
      .update({ boundOpenid: identity.openid, boundAt: now });
    if ((bound as { updated?: number }).updated !== 1) continue;
    await db.collection(COLLECTIONS.trainees).doc(identity.openid).set({
      name: row.name,
      unit: row.unit,
      post: row.post,
      groupNo: row.groupNo,
      role: row.role,
      rosterId: _id,
      enrolledAt: now,
      updatedAt: now,
    });
    result.enrolled += 1;
  }
  return result;
}
