/** What the `reflections` actions do, independent of how they are invoked. */
import {
  REFLECTION_LIMITS,
  REFLECTION_MESSAGES as MESSAGES,
  type GroupStats,
  type GroupWallPage,
  type ReflectionAnswer,
  type ReflectionPage,
  type ReflectionStatus,
  type StatsResponse,
} from '../../miniprogram/contracts/reflections';
import type { SessionView } from '../../miniprogram/contracts/training';
import { can, isAdmin, authorize } from '../access/policy';
import type { Principal } from '../access/principal';
import { AppError } from '../runtime/errors';
import type { TrainingRepository } from '../training/repository';
import { checkText, type CheckVerdict, type ContentChecker } from './content-check';
import { decodeCursor, encodeCursor } from './cursor';
import { isoOf, summaryOf, viewOf } from './read-stored';
import { reflectionId, sortKeyOf, type ReflectionDocument } from './stored';
import type { PageFilter, ReflectionRepository } from './repository';
import { flagEntry, transition, type ReflectionMove } from './status';

/**
 * Server-only limit: submissions a person may make in RATE_WINDOW_MS, counted from the stored ones (no
 * counter document, no transaction). Drafts sent at the very same moment all see the same count, so a
 * burst of many different drafts at once may pass by a few; retries of one draft never count twice.
 */
export const RATE_LIMIT = 10;
export const RATE_WINDOW_MS = 60_000;

export interface ReflectionDeps {
  repository: ReflectionRepository;
  training: TrainingRepository;
  /** Absent: chosen by the environment (content-check.ts). */
  checker?: ContentChecker;
  now: () => Date;
}

type Member = Extract<Principal, { kind: 'member' }>;

/** The enrolled caller (the action's capability already required one; this narrows the type). */
function memberOf(principal: Principal): Member {
  if (principal.kind !== 'member') throw new AppError('PERMISSION_DENIED');
  return principal;
}

/** Who made a change, for the history: an openid, or 'console' for an organiser in the console. */
function actorOf(principal: Principal): string {
  return principal.kind === 'member' || principal.kind === 'visitor' ? principal.openid : 'console';
}

function viewerOf(principal: Principal): string | null {
  return principal.kind === 'member' ? principal.openid : null;
}

function answer(doc: ReflectionDocument, principal: Principal): ReflectionAnswer {
  const reviewable = can(principal, 'reflections.review', { groupNo: doc.groupNo });
  return { reflection: viewOf(doc, viewerOf(principal), reviewable) };
}

/** The session a reflection is about: the one named, or by default the group discussion. */
function sessionFor(sessions: SessionView[], sessionId: string | undefined): { id: string | null; title: string } {
  if (sessionId !== undefined) {
    const named = sessions.find((session) => session.id === sessionId);
    if (named === undefined) throw new AppError('INVALID_ARGUMENT', MESSAGES.sessionNotFound);
    return { id: named.id, title: named.title };
  }
  const discussion = sessions.find((session) => session.kind === 'discussion');
  return discussion === undefined ? { id: null, title: '' } : { id: discussion.id, title: discussion.title };
}

/** risky stops everything; pass publishes; review, a failure or a timeout waits for a reviewer. */
async function verdictFor(
  deps: ReflectionDeps,
  title: string,
  content: string,
  openid: string,
): Promise<{
  verdict: CheckVerdict;
  status: ReflectionStatus;
}> {
  const verdict = await checkText(`${title}\n${content}`, openid, deps.checker);
  if (verdict.suggest === 'risky') throw new AppError('CONTENT_REJECTED', MESSAGES.rejected);
  return { verdict, status: verdict.suggest === 'pass' ? 'published' : 'pending' };
}

/** What writing a text sets, on submit and on update: the text, its session, the check's outcome; no mark, no comment. */
function writtenFields(
  input: { title: string; content: string },
  session: { id: string | null; title: string },
  status: ReflectionStatus,
  verdict: CheckVerdict,
  now: Date,
) {
  return {
    title: input.title,
    content: input.content,
    sessionId: session.id,
    sessionTitle: session.title,
    status,
    featured: false,
    comment: '',
    check: { ...verdict, at: now },
    updatedAt: now,
  };
}

/**
 * Submit: at most 4 database calls (enrolment, existing+recent, sessions, insert; a lost race adds one
 * read). The same requestId answers the first reflection, whether it comes back after a timeout or
 * 20 times at once: the insert of the derived _id succeeds once, every other one reads the winner.
 */
export async function submit(
  deps: ReflectionDeps,
  input: { requestId: string; title: string; content: string; sessionId?: string },
  principal: Principal,
): Promise<ReflectionAnswer> {
  const member = memberOf(principal);
  const id = reflectionId(member.openid, input.requestId);
  const now = deps.now();
  const [{ existing, recent }, sessions] = await Promise.all([
    deps.repository.existingAndRecent(id, member.openid, new Date(now.getTime() - RATE_WINDOW_MS), RATE_LIMIT),
    deps.training.sessions(),
  ]);
  if (existing !== null) return answer(existing, principal);
  if (recent >= RATE_LIMIT) {
    // The query reads at most RATE_LIMIT + 1 documents: past the limit, this draft's own reflection may be
    // among those not read. A retry must still get it, so look it up (only on this rare path).
    const stored = await deps.repository.byId(id);
    if (stored !== null) return answer(stored, principal);
    throw new AppError('RATE_LIMITED', MESSAGES.rateLimited);
  }
  const session = sessionFor(sessions, input.sessionId);
  const { verdict, status } = await verdictFor(deps, input.title, input.content, member.openid);
  const doc: ReflectionDocument = {
    _id: id,
    requestId: input.requestId,
    authorOpenid: member.openid,
    authorName: member.name,
    authorUnit: member.unit,
    groupNo: member.groupNo,
    ...writtenFields(input, session, status, verdict, now),
    createdAt: now,
    sortKey: sortKeyOf(now, id),
    history: [transition('submit', null, status, member.openid, now)],
  };
  let inserted: boolean;
  try {
    inserted = await deps.repository.insert(doc);
  } catch (error: unknown) {
    // A duplicate reported in a shape isDuplicateKeyError does not know still leaves the first one stored.
    const first = await deps.repository.byId(id);
    if (first !== null) return answer(first, principal);
    throw error;
  }
  if (inserted) return answer(doc, principal);
  const first = await deps.repository.byId(id);
  if (first === null) throw new AppError('CONFLICT', MESSAGES.changedMeanwhile);
  return answer(first, principal);
}

/** What the caller may see of one reflection; everything else is "not found" (its existence is not told). */
export function canSee(principal: Principal, doc: ReflectionDocument): boolean {
  if (principal.kind === 'member' && principal.openid === doc.authorOpenid) return true;
  if (can(principal, 'reflections.review', { groupNo: doc.groupNo })) return true;
  if (doc.status !== 'published' || principal.kind !== 'member') return false;
  return doc.featured || can(principal, 'reflections.readGroup', { groupNo: doc.groupNo });
}

async function found(deps: ReflectionDeps, id: string): Promise<ReflectionDocument> {
  const doc = await deps.repository.byId(id);
  if (doc === null) throw new AppError('NOT_FOUND', MESSAGES.notFound);
  return doc;
}

export async function get(deps: ReflectionDeps, id: string, principal: Principal): Promise<ReflectionAnswer> {
  const doc = await found(deps, id);
  if (!canSee(principal, doc)) throw new AppError('NOT_FOUND', MESSAGES.notFound);
  return answer(doc, principal);
}

/** One's own reflection, while the course still takes changes (training setting reflectionsOpenUntil). */
async function ownWhileOpen(deps: ReflectionDeps, id: string, member: Member): Promise<ReflectionDocument> {
  const [doc, openUntil] = await Promise.all([deps.repository.byId(id), deps.repository.openUntil()]);
  if (doc === null || doc.authorOpenid !== member.openid) throw new AppError('NOT_FOUND', MESSAGES.notFound);
  if (openUntil !== null && deps.now() > openUntil) throw new AppError('CONFLICT', MESSAGES.closed);
  return doc;
}

async function applyChange(
  deps: ReflectionDeps,
  doc: ReflectionDocument,
  patch: Partial<ReflectionDocument>,
  entry: ReturnType<typeof transition>,
  principal: Principal,
): Promise<ReflectionAnswer> {
  const changed = await deps.repository.change(doc, patch, entry);
  if (!changed) throw new AppError('CONFLICT', MESSAGES.changedMeanwhile);
  return answer({ ...doc, ...patch, history: [...doc.history, entry] }, principal);
}

export async function update(
  deps: ReflectionDeps,
  input: { id: string; title: string; content: string; sessionId?: string },
  principal: Principal,
): Promise<ReflectionAnswer> {
  const member = memberOf(principal);
  const doc = await ownWhileOpen(deps, input.id, member);
  const session =
    input.sessionId === undefined || input.sessionId === doc.sessionId
      ? { id: doc.sessionId, title: doc.sessionTitle }
      : sessionFor(await deps.training.sessions(), input.sessionId);
  const { verdict, status } = await verdictFor(deps, input.title, input.content, member.openid);
  const now = deps.now();
  const entry = transition('update', doc.status, status, member.openid, now);
  // An edited text is checked again and loses its featured mark: the organisers chose the old one.
  return applyChange(deps, doc, writtenFields(input, session, status, verdict, now), entry, principal);
}

export async function withdraw(deps: ReflectionDeps, id: string, principal: Principal): Promise<ReflectionAnswer> {
  const member = memberOf(principal);
  const doc = await ownWhileOpen(deps, id, member);
  if (doc.status === 'withdrawn') return answer(doc, principal);
  const now = deps.now();
  const entry = transition('withdraw', doc.status, 'withdrawn', member.openid, now);
  return applyChange(deps, doc, { status: 'withdrawn', featured: false, updatedAt: now }, entry, principal);
}

/**
 * The reflection a reviewer's move is about, as they saw it: when the request names the `updatedAt` of
 * the view they acted on and the reflection was written since (an author's edit), CONFLICT — the
 * reviewer approves or features only text they have read.
 */
async function reviewedAsSeen(
  deps: ReflectionDeps,
  input: { id: string; updatedAt?: string },
  principal: Principal,
): Promise<ReflectionDocument> {
  const doc = await found(deps, input.id);
  authorize(principal, 'reflections.review', { groupNo: doc.groupNo });
  if (input.updatedAt !== undefined && input.updatedAt !== isoOf(doc.updatedAt)) {
    throw new AppError('CONFLICT', MESSAGES.changedSinceRead);
  }
  return doc;
}

/** A reviewer's move on one reflection of a group they review. Repeating a done move changes nothing. */
export async function review(
  deps: ReflectionDeps,
  move: Extract<ReflectionMove, 'approve' | 'return' | 'hide'>,
  input: { id: string; comment?: string; updatedAt?: string },
  principal: Principal,
): Promise<ReflectionAnswer> {
  const doc = await reviewedAsSeen(deps, input, principal);
  const to: ReflectionStatus = move === 'approve' ? 'published' : move === 'return' ? 'returned' : 'hidden';
  if (doc.status === to && move !== 'return') return answer(doc, principal);
  const now = deps.now();
  const comment = input.comment ?? '';
  const entry = transition(move, doc.status, to, actorOf(principal), now, comment);
  const patch: Partial<ReflectionDocument> = { status: to, updatedAt: now };
  if (move === 'return') patch.comment = comment;
  if (to !== 'published') patch.featured = false;
  return applyChange(deps, doc, patch, entry, principal);
}

export async function setFeatured(
  deps: ReflectionDeps,
  featured: boolean,
  input: { id: string; updatedAt?: string },
  principal: Principal,
): Promise<ReflectionAnswer> {
  const doc = await reviewedAsSeen(deps, input, principal);
  if (doc.featured === featured) return answer(doc, principal);
  const now = deps.now();
  const entry = flagEntry(featured ? 'feature' : 'unfeature', doc.status, actorOf(principal), now);
  return applyChange(deps, doc, { featured, updatedAt: now }, entry, principal);
}

async function pageOf(
  deps: ReflectionDeps,
  filter: PageFilter,
  input: { cursor?: string; limit?: number },
  principal: Principal,
  oldestFirst = false,
): Promise<ReflectionPage> {
  const limit = input.limit ?? REFLECTION_LIMITS.defaultPageSize;
  const docs = await deps.repository.page(filter, decodeCursor(input.cursor), limit, oldestFirst);
  const shown = docs.slice(0, limit);
  const viewer = viewerOf(principal);
  return {
    items: shown.map((doc) => summaryOf(doc, viewer, can(principal, 'reflections.review', { groupNo: doc.groupNo }))),
    nextCursor: docs.length > limit ? encodeCursor(shown[shown.length - 1].sortKey) : null,
  };
}

/** listGroup: 2 database calls (enrolment, one indexed page). Only the caller's own group, published only. */
export async function listGroup(
  deps: ReflectionDeps,
  input: { cursor?: string; limit?: number },
  principal: Principal,
): Promise<GroupWallPage> {
  const member = memberOf(principal);
  const viewer = { groupNo: member.groupNo, canReview: can(principal, 'reflections.review') };
  // The action's capability (reflections.readGroup) already admitted only people with a group, and
  // admins, who may have none: their own group is the only one this wall shows.
  if (member.groupNo === null) return { items: [], nextCursor: null, ...viewer };
  return { ...(await pageOf(deps, { groupNo: member.groupNo, status: 'published' }, input, principal)), ...viewer };
}

export function listFeatured(deps: ReflectionDeps, input: { cursor?: string; limit?: number }, principal: Principal) {
  return pageOf(deps, { featured: true, status: 'published' }, input, principal);
}

export function listMine(deps: ReflectionDeps, input: { cursor?: string; limit?: number }, principal: Principal) {
  return pageOf(deps, { authorOpenid: memberOf(principal).openid }, input, principal);
}

/** The queue of a leader's group (admins: every group, or the one they name), oldest first. */
export function listPending(
  deps: ReflectionDeps,
  input: { cursor?: string; limit?: number; groupNo?: number },
  principal: Principal,
): Promise<ReflectionPage> {
  const groupNo = input.groupNo ?? (principal.kind === 'member' && !isAdmin(principal) ? principal.groupNo : undefined);
  if (groupNo === null) throw new AppError('PERMISSION_DENIED');
  authorize(principal, 'reflections.review', { groupNo });
  const filter: PageFilter = groupNo === undefined ? { status: 'pending' } : { groupNo, status: 'pending' };
  return pageOf(deps, filter, input, principal, true);
}

export async function stats(deps: ReflectionDeps, principal: Principal): Promise<StatsResponse> {
  const groupNo = isAdmin(principal) ? null : principal.kind === 'member' ? principal.groupNo : null;
  if (!isAdmin(principal)) {
    if (groupNo === null) throw new AppError('PERMISSION_DENIED');
    authorize(principal, 'reflections.review', { groupNo });
  }
  const [enrolled, counts] = await Promise.all([
    deps.repository.enrolledByGroup(groupNo),
    deps.repository.countsByGroup(groupNo),
  ]);
  const groups = new Map<number, GroupStats>();
  const row = (no: number): GroupStats => {
    let found = groups.get(no);
    if (found === undefined) {
      found = { groupNo: no, enrolled: 0, submitted: 0, pending: 0, published: 0, featured: 0 };
      groups.set(no, found);
    }
    return found;
  };
  for (const { groupNo: no, count } of enrolled) row(no).enrolled += count;
  for (const { groupNo: no, status, featured, count } of counts) {
    const group = row(no);
    if (status !== 'withdrawn') group.submitted += count;
    if (status === 'pending') group.pending += count;
    if (status === 'published') {
      group.published += count;
      group.featured += featured;
    }
  }
  return { groups: [...groups.values()].sort((a, b) => a.groupNo - b.groupNo) };
}
