/**
 * The status model of a reflection, written down once. Every change of status goes through
 * `transition()`, which checks it against TRANSITIONS and produces the history entry stored with it.
 *
 *   (draft, on the phone) --submit--> published   content check passed
 *                                 \-> pending     check asked for review, failed or timed out
 *   pending   --approve--> published   --return--> returned   --hide--> hidden
 *   published --return--> returned    --hide--> hidden
 *   returned / pending / published --update (author, re-checked)--> published | pending
 *   pending / published / returned --withdraw (author)--> withdrawn   (final)
 *   hidden    --approve--> published (a reviewer restores it)
 * `featured` is a flag beside the status, meaningful only while published (lists ask for both).
 */
import { REFLECTION_MESSAGES, type ReflectionStatus } from '../../miniprogram/contracts/reflections';
import { AppError } from '../runtime/errors';

/** What moves a reflection, and by whom: the author's moves and the reviewer's moves. */
export type ReflectionMove = 'submit' | 'update' | 'withdraw' | 'approve' | 'return' | 'hide';

/** For each move: the statuses it may start from (null: nothing stored yet) and those it may lead to. */
export const TRANSITIONS: Record<
  ReflectionMove,
  { from: ReadonlyArray<ReflectionStatus | null>; to: readonly ReflectionStatus[] }
> = {
  submit: { from: [null], to: ['published', 'pending'] },
  update: { from: ['pending', 'published', 'returned'], to: ['published', 'pending'] },
  withdraw: { from: ['pending', 'published', 'returned'], to: ['withdrawn'] },
  approve: { from: ['pending', 'hidden'], to: ['published'] },
  return: { from: ['pending', 'published'], to: ['returned'] },
  hide: { from: ['pending', 'published', 'returned'], to: ['hidden'] },
};

/** One line of a reflection's history: who changed what, when. */
export interface HistoryEntry {
  at: Date;
  /** The openid of the person, or 'console' for an organiser working in the console. */
  by: string;
  move: ReflectionMove | 'feature' | 'unfeature';
  from: ReflectionStatus | null;
  to: ReflectionStatus;
  comment: string;
}

export function canMove(move: ReflectionMove, from: ReflectionStatus | null, to: ReflectionStatus): boolean {
  const rule = TRANSITIONS[move];
  return rule.from.includes(from) && rule.to.includes(to);
}

/** The history entry of an allowed move; CONFLICT when the status does not allow it. */
export function transition(
  move: ReflectionMove,
  from: ReflectionStatus | null,
  to: ReflectionStatus,
  by: string,
  at: Date,
  comment = '',
): HistoryEntry {
  if (!canMove(move, from, to)) throw new AppError('CONFLICT', REFLECTION_MESSAGES.notAllowedNow);
  return { at, by, move, from, to, comment };
}

/** The featured flag's own history line (the status stays as it is). */
export function flagEntry(move: 'feature' | 'unfeature', status: ReflectionStatus, by: string, at: Date): HistoryEntry {
  if (move === 'feature' && status !== 'published') {
    throw new AppError('CONFLICT', REFLECTION_MESSAGES.featureNeedsPublished);
  }
  return { at, by, move, from: status, to: status, comment: '' };
}
