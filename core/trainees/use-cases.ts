/**
 * What the `trainees` actions do. The caller is always the principal from `context` (never a field of the
 * event); validated input arrives already normalised by the schemas. Every refusal happens before the
 * first write, and the writes are ordered so that a failure leaves nothing half-done: claim the roster row
 * (conditional), write the enrolment, then free a row left behind.
 */
import type { Role } from '../../miniprogram/contracts/people';
import {
  ENROL_MESSAGES,
  TRAINEES_LIMITS,
  type EnrolmentSettings,
  type EnrollRequest,
  type EnrollResponse,
  type LeaveResponse,
  type ListEnrolledRequest,
  type ListEnrolledResponse,
  type ListRequest,
  type ListResponse,
  type LockResponse,
  type MeResponse,
  type SetRoleRequest,
  type SetRoleResponse,
  type UnbindRequest,
  type UnbindResponse,
} from '../../miniprogram/contracts/trainees';
import { FIELD_MESSAGES, matchKey } from '../../miniprogram/lib/enrolment-fields';
import type { Principal } from '../access/principal';
import { AppError } from '../runtime/errors';
import { WRONG_CODES_ALLOWED } from './limits';
import { rosterRowView, sameCode, type RosterRow } from './read-stored';
import type { Course, TraineesRepository } from './repository';

export interface TraineesDeps {
  repository: TraineesRepository;
  /** Milliseconds since the epoch; a test may fix it. */
  now: () => number;
}

const WINDOW_MS = TRAINEES_LIMITS.wrongCodeWindowMinutes * 60 * 1000;

/**
 * The WeChat user behind an `enrolment.self` action. The rule (core/access/policy) lets only visitors and
 * members through; anyone else here is a bug in the rule, reported as one rather than covered up.
 */
function selfOpenid(principal: Principal): string {
  if (principal.kind === 'visitor' || principal.kind === 'member') return principal.openid;
  throw new Error(`enrolment.self let a ${principal.kind} call through`);
}

function settingsOf(course: Course | null): EnrolmentSettings {
  if (course === null) return { groupCount: 0, open: false, openEnrolment: false, locked: false };
  return {
    groupCount: course.groupCount,
    open: course.enrolCode !== '',
    openEnrolment: course.openEnrolment,
    locked: course.rosterLocked,
  };
}

async function requireCourse(repository: TraineesRepository): Promise<Course> {
  const course = await repository.course();
  if (course === null) throw new AppError('NOT_FOUND', ENROL_MESSAGES.noCourse);
  return course;
}

export async function me({ repository }: TraineesDeps, principal: Principal): Promise<MeResponse> {
  const openid = selfOpenid(principal);
  const [course, enrolment] = await Promise.all([repository.course(), repository.enrolment(openid)]);
  const settings = settingsOf(course);
  return enrolment === null ? { enrolled: false, settings } : { enrolled: true, profile: enrolment.profile, settings };
}

/** Wrong codes so far count against the caller: once WRONG_CODES_ALLOWED are spent, the door stays shut for the rest of the window. */
async function refuseWhenRateLimited({ repository, now }: TraineesDeps, openid: string): Promise<void> {
  const wrong = await repository.wrongCodesSince(openid, now() - WINDOW_MS);
  if (wrong >= WRONG_CODES_ALLOWED) throw new AppError('RATE_LIMITED', ENROL_MESSAGES.rateLimited);
}

async function wrongCode({ repository, now }: TraineesDeps, openid: string, message: string): Promise<never> {
  const at = now();
  await repository.recordWrongCode(openid, at, at - WINDOW_MS);
  throw new AppError('INVALID_ARGUMENT', message);
}

/** The roster row of a typed name and unit: the caller's own first, then a free one, then a taken one. */
function findRow(rows: RosterRow[], nameKey: string, unitKey: string, openid: string): RosterRow | null {
  const matches = rows.filter((row) => row.nameKey === nameKey && row.unitKey === unitKey);
  return (
    matches.find((row) => row.boundOpenid === openid) ??
    matches.find((row) => row.boundOpenid === null) ??
    matches[0] ??
    null
  );
}

async function checkClaimCode(deps: TraineesDeps, openid: string, row: RosterRow, typed: string): Promise<void> {
  if (row.role === 'trainee') return;
  if (row.claimCode === '') throw new AppError('CONFLICT', ENROL_MESSAGES.claimCodeMissingOnRoster);
  if (typed === '') throw new AppError('INVALID_ARGUMENT', ENROL_MESSAGES.claimCodeNeeded);
  if (!sameCode(typed, row.claimCode)) await wrongCode(deps, openid, ENROL_MESSAGES.wrongClaimCode);
}

export async function enroll(deps: TraineesDeps, principal: Principal, input: EnrollRequest): Promise<EnrollResponse> {
  const { repository } = deps;
  const openid = selfOpenid(principal);
  const course = await requireCourse(repository);
  if (course.rosterLocked) throw new AppError('CONFLICT', ENROL_MESSAGES.locked);
  const current = await repository.enrolment(openid);
  await refuseWhenRateLimited(deps, openid);

  // A newcomer proves the 班级口令; someone enrolled already did and is only correcting details.
  if (current === null) {
    if (course.enrolCode === '') throw new AppError('CONFLICT', ENROL_MESSAGES.closed);
    const typed = input.enrolCode ?? '';
    if (typed === '') throw new AppError('INVALID_ARGUMENT', FIELD_MESSAGES.enrolCodeMissing);
    if (!sameCode(typed, course.enrolCode)) await wrongCode(deps, openid, ENROL_MESSAGES.wrongEnrolCode);
  }
  if (input.groupNo > course.groupCount) throw new AppError('INVALID_ARGUMENT', FIELD_MESSAGES.groupRange);

  const row = findRow(await repository.rosterRows(), matchKey(input.name), matchKey(input.unit), openid);
  let role: Role;
  let groupNo: number;
  let claimed = false;
  if (row !== null) {
    if (row.boundOpenid !== null && row.boundOpenid !== openid) throw new AppError('CONFLICT', ENROL_MESSAGES.rowTaken);
    if (row.boundOpenid !== openid) await checkClaimCode(deps, openid, row, input.claimCode ?? '');
    role = row.role;
    const rowGroup = row.groupNo !== null && row.groupNo <= course.groupCount ? row.groupNo : null;
    // A leader's group is the organisers' to set: it gives review rights over that group.
    if (role === 'leader' && rowGroup === null) throw new AppError('CONFLICT', ENROL_MESSAGES.leaderRowWithoutGroup);
    groupNo = rowGroup ?? input.groupNo;
    if (row.boundOpenid !== openid) {
      if (!(await repository.claimRow(row.id, openid))) throw new AppError('CONFLICT', ENROL_MESSAGES.rowTaken);
      claimed = true;
    }
  } else {
    if (!course.openEnrolment) throw new AppError('NOT_FOUND', ENROL_MESSAGES.notOnRoster);
    // Enrolled openly: a trainee, unless an organiser gave this person a role (setRole) that no row holds.
    role = current !== null && current.rosterId === null ? current.profile.role : 'trainee';
    // A leader keeps the group the organiser gave with the role: correcting one's details never moves review rights.
    const organiserGroup = role === 'leader' ? (current?.profile.groupNo ?? null) : null;
    groupNo = organiserGroup ?? input.groupNo;
  }

  const rosterId = row?.id ?? null;
  try {
    await repository.saveEnrolment(openid, {
      name: input.name,
      unit: input.unit,
      post: input.post ?? '',
      groupNo,
      role,
      rosterId,
      enrolledAt: current?.enrolledAt ?? new Date(deps.now()),
      updatedAt: new Date(deps.now()),
    });
  } catch (error) {
    if (claimed && row !== null) await repository.releaseRow(row.id, openid);
    throw error;
  }
  if (current?.rosterId && current.rosterId !== rosterId) await repository.releaseRow(current.rosterId, openid);
  const saved = await repository.enrolment(openid);
  if (saved === null) throw new Error(`enrolment of ${openid} missing right after it was written`);
  return { profile: saved.profile };
}

export async function leave({ repository }: TraineesDeps, principal: Principal): Promise<LeaveResponse> {
  const openid = selfOpenid(principal);
  const current = await repository.enrolment(openid);
  if (current !== null) await repository.removeEnrolment(openid);
  await repository.releaseRowsOf(openid);
  return { left: current !== null };
}

export async function list({ repository }: TraineesDeps, input: ListRequest): Promise<ListResponse> {
  const limit = input.limit ?? TRAINEES_LIMITS.defaultPageSize;
  // One more than asked tells whether another page follows.
  const rows = await repository.rosterPage(input.groupNo, input.cursor, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(rosterRowView),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}

export async function listEnrolled(
  { repository }: TraineesDeps,
  input: ListEnrolledRequest,
): Promise<ListEnrolledResponse> {
  const limit = input.limit ?? TRAINEES_LIMITS.defaultPageSize;
  const rows = await repository.enrolmentPage(input.groupNo, input.cursor, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ openid, profile }) => ({ openid, ...profile })),
    nextCursor: rows.length > limit ? page[page.length - 1].openid : null,
  };
}

async function requireEnrolment(repository: TraineesRepository, openid: string) {
  const enrolment = await repository.enrolment(openid);
  if (enrolment === null) throw new AppError('NOT_FOUND', ENROL_MESSAGES.notEnrolled);
  return enrolment;
}

export async function setRole(deps: TraineesDeps, input: SetRoleRequest): Promise<SetRoleResponse> {
  const { repository } = deps;
  const course = await requireCourse(repository);
  const enrolment = await requireEnrolment(repository, input.openid);
  if (input.groupNo !== undefined && input.groupNo > course.groupCount) {
    throw new AppError('INVALID_ARGUMENT', FIELD_MESSAGES.groupRange);
  }
  const groupNo = input.groupNo ?? enrolment.profile.groupNo;
  if (input.role === 'leader' && groupNo === null)
    throw new AppError('INVALID_ARGUMENT', ENROL_MESSAGES.leaderNeedsGroup);
  await repository.updateEnrolment(input.openid, {
    role: input.role,
    ...(groupNo === null ? {} : { groupNo }),
    updatedAt: new Date(deps.now()),
  });
  // The roster row follows, so a later correction by the person keeps the role the organiser gave.
  if (enrolment.rosterId !== null) await repository.updateRow(enrolment.rosterId, { role: input.role, groupNo });
  const saved = await requireEnrolment(repository, input.openid);
  return { openid: input.openid, profile: saved.profile };
}

export async function unbind({ repository }: TraineesDeps, input: UnbindRequest): Promise<UnbindResponse> {
  await requireEnrolment(repository, input.openid);
  await repository.removeEnrolment(input.openid);
  await repository.releaseRowsOf(input.openid);
  return { unbound: true };
}

export async function setLocked({ repository }: TraineesDeps, locked: boolean): Promise<LockResponse> {
  const course = await requireCourse(repository);
  await repository.setRosterLocked(course.trainingId, locked);
  return { locked };
}
