/**
 * Contract of the `trainees` cloud function: one's own enrolment (me, enroll, leave) and, for organisers,
 * the roster and roles (list, setRole, unbind, lock, unlock). Field rules and their messages are shared
 * with the form in lib/enrolment-fields.ts.
 */
import { FIELD_MESSAGES, type EnrolField } from '../lib/enrolment-fields';
import type { Role } from './people';

export const TRAINEES_FUNCTION = 'trainees';

export const TRAINEES_LIMITS = {
  /** Roster rows a page of `list` holds at most, and by default. */
  maxPageSize: 100,
  defaultPageSize: 50,
  maxCursorLength: 200,
  maxOpenidLength: 128,
  /** How long wrong 班级口令 / 认领码 count against a WeChat user (the limit itself is the server's). */
  wrongCodeWindowMinutes: 10,
} as const;

/** Sentences the function answers with, each tied to the form field it concerns (or to none). */
export const ENROL_MESSAGES = {
  wrongEnrolCode: '班级口令不正确，请向组织者核对',
  claimCodeNeeded: '名单中您登记为组长或管理员：请填写组织者提供的认领码',
  wrongClaimCode: '认领码不正确，请向组织者核对',
  claimCodeMissingOnRoster: '名单中您这一行还没有认领码，请联系组织者',
  notOnRoster: '名单中没有找到您：请核对姓名和单位（与报名表一致），或联系组织者',
  rowTaken: '名单中的这一位已由另一个微信号报名；如非本人操作，请联系组织者',
  closed: '报名尚未开放（组织者还没有设置班级口令），请联系组织者',
  locked: '报名名单已锁定，不能再报名或修改；如需更正请联系组织者',
  rateLimited: `口令错误次数过多，请 ${TRAINEES_LIMITS.wrongCodeWindowMinutes} 分钟后再试`,
  noCourse: '培训班信息尚未设置，暂不能报名',
  notEnrolled: '此微信号没有报名',
  leaderNeedsGroup: '组长须指定所在小组 groupNo',
  leaderRowWithoutGroup: '名单中您登记为组长，但还没有指定小组，请联系组织者补上',
} as const;

const MESSAGE_FIELDS: Array<[string, EnrolField]> = [
  [ENROL_MESSAGES.wrongEnrolCode, 'enrolCode'],
  [ENROL_MESSAGES.claimCodeNeeded, 'claimCode'],
  [ENROL_MESSAGES.wrongClaimCode, 'claimCode'],
  [ENROL_MESSAGES.notOnRoster, 'name'],
  [ENROL_MESSAGES.rowTaken, 'name'],
  [ENROL_MESSAGES.leaderRowWithoutGroup, 'groupNo'],
  [FIELD_MESSAGES.nameMissing, 'name'],
  [FIELD_MESSAGES.nameChars, 'name'],
  [FIELD_MESSAGES.nameLength, 'name'],
  [FIELD_MESSAGES.unitMissing, 'unit'],
  [FIELD_MESSAGES.unitLength, 'unit'],
  [FIELD_MESSAGES.postLength, 'post'],
  [FIELD_MESSAGES.groupMissing, 'groupNo'],
  [FIELD_MESSAGES.groupRange, 'groupNo'],
  [FIELD_MESSAGES.enrolCodeMissing, 'enrolCode'],
];

/**
 * The form field an answer of `enroll` concerns, so the page shows it under that field; null for messages
 * about the whole form (locked, closed, rate limited). Messages shared by several fields (口令过长, 无法识别的字符)
 * carry the field name after “参数 ” when the schema speaks, else null.
 */
export function fieldOfEnrolMessage(message: string): EnrolField | null {
  const known = MESSAGE_FIELDS.find(([text]) => message === text);
  if (known) return known[1];
  const named = /^参数 (name|unit|post|groupNo|enrolCode|claimCode)\b/.exec(message);
  return named ? (named[1] as EnrolField) : null;
}

// ---------------------------------------------------------------------------------------------------

/** What the form needs to know about enrolment, from the training document. */
export interface EnrolmentSettings {
  /** Groups 1..groupCount; 0 when the course has none set. */
  groupCount: number;
  /** A 班级口令 is set: new people may enrol. */
  open: boolean;
  /** People not on the roster may enrol as trainees. */
  openEnrolment: boolean;
  /** The roster is locked: no enrolment, no corrections. */
  locked: boolean;
}

export interface TraineeProfile {
  name: string;
  unit: string;
  post: string;
  /** null when the enrolment's group is missing or outside the course's groups. */
  groupNo: number | null;
  role: Role;
  /** On the organisers' roster (bound to a row), rather than enrolled openly. */
  onRoster: boolean;
  /** ISO time, or null when the document lacks it. */
  enrolledAt: string | null;
}

export type MeResponse =
  | { enrolled: false; settings: EnrolmentSettings }
  | { enrolled: true; profile: TraineeProfile; settings: EnrolmentSettings };

export interface EnrollRequest {
  action: 'enroll';
  name: string;
  unit: string;
  post?: string;
  groupNo: number;
  /** 班级口令: needed to enrol; an enrolled person correcting details may leave it out. */
  enrolCode?: string;
  /** 认领码 of a leader's or admin's roster row. */
  claimCode?: string;
}

export interface EnrollResponse {
  profile: TraineeProfile;
}

export interface LeaveResponse {
  /** false when there was nothing to leave. */
  left: boolean;
}

export interface RosterRowView {
  id: string;
  name: string;
  unit: string;
  post: string;
  groupNo: number | null;
  role: Role;
  /** Whether the row has a 认领码 (the code itself is never sent). */
  hasClaimCode: boolean;
  /** The WeChat user bound to the row, or null. */
  boundOpenid: string | null;
  boundAt: string | null;
}

export interface ListRequest {
  action: 'list';
  groupNo?: number;
  cursor?: string;
  limit?: number;
}

export interface ListResponse {
  items: RosterRowView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Organisers: every enrolled person, on the roster or not, with the openid setRole and unbind take. */
export interface ListEnrolledRequest {
  action: 'listEnrolled';
  groupNo?: number;
  cursor?: string;
  limit?: number;
}

export interface EnrolledView extends TraineeProfile {
  openid: string;
}

export interface ListEnrolledResponse {
  items: EnrolledView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface SetRoleRequest {
  action: 'setRole';
  openid: string;
  role: Role;
  groupNo?: number;
}

export interface SetRoleResponse {
  openid: string;
  profile: TraineeProfile;
}

export interface UnbindRequest {
  action: 'unbind';
  openid: string;
}

export interface UnbindResponse {
  unbound: true;
}

export interface LockResponse {
  locked: boolean;
}

export interface TraineesActions {
  me: { request: { action: 'me' }; response: MeResponse };
  enroll: { request: EnrollRequest; response: EnrollResponse };
  leave: { request: { action: 'leave' }; response: LeaveResponse };
  list: { request: ListRequest; response: ListResponse };
  listEnrolled: { request: ListEnrolledRequest; response: ListEnrolledResponse };
  setRole: { request: SetRoleRequest; response: SetRoleResponse };
  unbind: { request: UnbindRequest; response: UnbindResponse };
  lock: { request: { action: 'lock' }; response: LockResponse };
  unlock: { request: { action: 'unlock' }; response: LockResponse };
}
