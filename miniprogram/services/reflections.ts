/** Typed client of the `reflections` cloud function. */
import type { Envelope } from '../contracts/envelope';
import {
  REFLECTIONS_FUNCTION,
  type GroupWallPage,
  type ReflectionAnswer,
  type ReflectionPage,
  type ReflectionsActions,
  type StatsResponse,
} from '../contracts/reflections';
import { callFunction } from './cloud';

type ListAction = 'listMine' | 'listFeatured' | 'listPending';
type ModerationAction = 'approve' | 'hide' | 'feature' | 'unfeature' | 'withdraw' | 'get';

function call<A extends keyof ReflectionsActions & string>(
  request: ReflectionsActions[A]['request'] & { action: A },
): Promise<Envelope<ReflectionsActions[A]['response']>> {
  return callFunction<ReflectionsActions, A>(REFLECTIONS_FUNCTION, request);
}

/** Only the fields that are set: `cursor: undefined` would travel as null through wx.cloud. */
function paging(cursor?: string | null, limit?: number): { cursor?: string; limit?: number } {
  return { ...(cursor ? { cursor } : {}), ...(limit === undefined ? {} : { limit }) };
}

export function submitReflection(draft: {
  requestId: string;
  title: string;
  content: string;
  sessionId?: string;
}): Promise<Envelope<ReflectionAnswer>> {
  return call({ action: 'submit', ...draft });
}

export function updateReflection(change: {
  id: string;
  title: string;
  content: string;
  sessionId?: string;
}): Promise<Envelope<ReflectionAnswer>> {
  return call({ action: 'update', ...change });
}

export function listGroupWall(cursor?: string | null): Promise<Envelope<GroupWallPage>> {
  return call({ action: 'listGroup', ...paging(cursor) });
}

export function listReflections(action: ListAction, cursor?: string | null): Promise<Envelope<ReflectionPage>> {
  return call({ action, ...paging(cursor) });
}

/**
 * One reflection by id, or a move on it (approve, hide, feature, unfeature, withdraw). `seenAt`: the
 * reflection's updatedAt as the reviewer saw it, so a move on text changed since answers CONFLICT.
 */
export function reflectionAction(
  action: ModerationAction,
  id: string,
  seenAt = '',
): Promise<Envelope<ReflectionAnswer>> {
  return call({ action, id, ...(seenAt === '' ? {} : { updatedAt: seenAt }) });
}

export function returnReflection(id: string, comment: string, seenAt = ''): Promise<Envelope<ReflectionAnswer>> {
  return call({ action: 'return', id, comment, ...(seenAt === '' ? {} : { updatedAt: seenAt }) });
}

export function reflectionStats(): Promise<Envelope<StatsResponse>> {
  return call({ action: 'stats' });
}
