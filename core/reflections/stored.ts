/**
 * The stored reflection (collection `reflections`), written only by this function, and how its keys are made.
 *
 * `_id` is derived from (author openid, requestId) (reflectionId): the database's unique _id is what
 * makes submit idempotent without a transaction — a second insert of the same draft fails and the first
 * document is answered instead.
 * `sortKey` = createdAt (ISO) + '|' + _id: one string that orders newest-first with no ties, so a page
 * cursor is a single range condition on an indexed field (never a skip over an unbounded count).
 */
import { createHash } from 'node:crypto';
import type { ReflectionStatus } from '../../miniprogram/contracts/reflections';
import type { CheckVerdict } from './content-check';
import type { HistoryEntry } from './status';

export interface ReflectionDocument {
  _id: string;
  requestId: string;
  authorOpenid: string;
  /** Name and unit as enrolled when written (shown beside it; the enrolment may change later). */
  authorName: string;
  authorUnit: string;
  /** The author's group when written; null when the enrolment had none (then no group wall shows it). */
  groupNo: number | null;
  title: string;
  content: string;
  sessionId: string | null;
  sessionTitle: string;
  status: ReflectionStatus;
  featured: boolean;
  /** The reviewer's comment of the last return; '' otherwise. */
  comment: string;
  check: CheckVerdict & { at: Date };
  createdAt: Date;
  updatedAt: Date;
  sortKey: string;
  history: HistoryEntry[];
  /**
   * Set on read only, never written: `updatedAt` exactly as the database held it (a Date, or whatever an
   * organiser typed; undefined when missing). A change applies only while the document still holds it.
   */
  storedUpdatedAt?: unknown;
}

export function reflectionId(openid: string, requestId: string): string {
  return createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32);
}

export function sortKeyOf(createdAt: Date, id: string): string {
  return `${createdAt.toISOString()}|${id}`;
}
