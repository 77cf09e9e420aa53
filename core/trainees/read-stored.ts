/**
 * The forgiving read of the documents enrolment depends on, all typed by hand in the CloudBase console:
 * roster rows (imported as JSON Lines), enrolments (`trainees/<openid>`) and the enrolment settings of the
 * training document. A wrong value becomes the safe default (no role beyond trainee, no group, enrolment
 * closed) rather than an error.
 */
import type { Role } from '../../miniprogram/contracts/people';
import { isRole } from '../../miniprogram/contracts/people';
import type { RosterRowView, TraineeProfile } from '../../miniprogram/contracts/trainees';
import { matchKey, normalizeName, normalizeSpaces } from '../../miniprogram/lib/enrolment-fields';
import { isRecord, text, unwrapDate, wholeNumber } from '../runtime/stored-fields';

/** Highest group number a document may carry; the course's groupCount is checked where it matters. */
export const MAX_GROUP_NO = 99;

/** Words organisers may type for a role, besides the English keys. */
const ROLE_ALIASES: Record<string, Role> = {
  学员: 'trainee',
  组长: 'leader',
  小组长: 'leader',
  管理员: 'admin',
  组织者: 'admin',
};

export function readRole(value: unknown): Role {
  const typed = text(value);
  if (isRole(typed.toLowerCase())) return typed.toLowerCase() as Role;
  return ROLE_ALIASES[typed] ?? 'trainee';
}

/** true / "true" / "是" / "开" / "1" / 1 — a switch typed in the console. */
export function readSwitch(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  return ['true', 'yes', 'on', '1', '是', '开', '开启', '打开'].includes(text(value).toLowerCase());
}

function isoOf(value: unknown): string | null {
  const unwrapped = unwrapDate(value);
  const date = unwrapped instanceof Date ? unwrapped : typeof unwrapped === 'string' ? new Date(unwrapped) : null;
  return date === null || Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A roster row as read: the view the organisers see, plus what only the server may know and match on. */
export interface RosterRow extends Omit<RosterRowView, 'hasClaimCode'> {
  claimCode: string;
  /** matchKey of name and unit: how a typed enrolment finds the row. */
  nameKey: string;
  unitKey: string;
}

export function readRosterRow(raw: unknown): RosterRow | null {
  if (!isRecord(raw) || text(raw._id) === '') return null;
  const name = normalizeName(text(raw.name));
  const unit = normalizeSpaces(text(raw.unit));
  return {
    id: text(raw._id),
    name,
    unit,
    post: normalizeSpaces(text(raw.post)),
    groupNo: wholeNumber(raw.groupNo, 1, MAX_GROUP_NO),
    role: readRole(raw.role),
    claimCode: normalizeSpaces(text(raw.claimCode)),
    boundOpenid: text(raw.boundOpenid) || null,
    boundAt: isoOf(raw.boundAt),
    nameKey: matchKey(name),
    unitKey: matchKey(unit),
  };
}

export function rosterRowView(row: RosterRow): RosterRowView {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    post: row.post,
    groupNo: row.groupNo,
    role: row.role,
    hasClaimCode: row.claimCode !== '',
    boundOpenid: row.boundOpenid,
    boundAt: row.boundAt,
  };
}

/** An enrolment as stored, with the roster row it is bound to. */
export interface Enrolment {
  openid: string;
  profile: TraineeProfile;
  rosterId: string | null;
  /** Kept as stored, so a correction does not change when someone first enrolled. */
  enrolledAt: unknown;
}

export function readEnrolment(raw: unknown): Enrolment | null {
  if (!isRecord(raw) || text(raw._id) === '') return null;
  const rosterId = text(raw.rosterId) || null;
  return {
    openid: text(raw._id),
    rosterId,
    enrolledAt: raw.enrolledAt ?? null,
    profile: {
      name: text(raw.name),
      unit: text(raw.unit),
      post: text(raw.post),
      groupNo: wholeNumber(raw.groupNo, 1, MAX_GROUP_NO),
      role: readRole(raw.role),
      onRoster: rosterId !== null,
      enrolledAt: isoOf(raw.enrolledAt),
    },
  };
}

/** What enrolment reads from the training document, besides its groupCount (read by core/training). */
export interface EnrolmentFields {
  /** 班级口令; '' = enrolment closed. */
  enrolCode: string;
  openEnrolment: boolean;
  rosterLocked: boolean;
}

export function readEnrolmentFields(raw: unknown): EnrolmentFields {
  const record = isRecord(raw) ? raw : {};
  return {
    enrolCode: normalizeSpaces(text(record.enrolCode)),
    openEnrolment: readSwitch(record.openEnrolment),
    rosterLocked: readSwitch(record.rosterLocked),
  };
}

/** Codes are compared as a person reads them: spaces and letter case do not count. */
export function sameCode(typed: string, expected: string): boolean {
  return expected !== '' && matchKey(typed) === matchKey(expected);
}
