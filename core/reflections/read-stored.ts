/**
 * The forgiving read of a stored reflection (stored.ts), and how it is shown. Documents are written only
 * by this function, but read forgivingly all the same (an organiser may touch one in the console).
 */
import {
  REFLECTION_STATUSES,
  type ReflectionStatus,
  type ReflectionSummary,
  type ReflectionView,
} from '../../miniprogram/contracts/reflections';
import { excerpt } from '../../miniprogram/lib/graphemes';
import { isRecord, text, unwrapDate, wholeNumber } from '../runtime/stored-fields';
import type { HistoryEntry } from './status';
import type { ReflectionDocument } from './stored';

/** Graphemes of the content shown in a list. */
const EXCERPT_LENGTH = 90;

export function isoOf(value: unknown): string {
  const date = unwrapDate(value);
  if (date instanceof Date && !Number.isNaN(date.getTime())) return date.toISOString();
  return typeof date === 'string' ? date : '';
}

function statusOf(value: unknown): ReflectionStatus {
  // An unknown status is treated as waiting for review: never shown to the group by mistake.
  return (REFLECTION_STATUSES as readonly unknown[]).includes(value) ? (value as ReflectionStatus) : 'pending';
}

/** The fields the use cases rely on, from whatever the database holds; null when not a reflection at all. */
export function readReflection(raw: unknown): ReflectionDocument | null {
  if (!isRecord(raw) || text(raw._id) === '' || text(raw.authorOpenid) === '') return null;
  const createdAt = unwrapDate(raw.createdAt);
  const updatedAt = unwrapDate(raw.updatedAt);
  return {
    _id: text(raw._id),
    requestId: text(raw.requestId),
    authorOpenid: text(raw.authorOpenid),
    authorName: text(raw.authorName),
    authorUnit: text(raw.authorUnit),
    groupNo: wholeNumber(raw.groupNo, 1, 99),
    title: typeof raw.title === 'string' ? raw.title : '',
    content: typeof raw.content === 'string' ? raw.content : '',
    sessionId: text(raw.sessionId) || null,
    sessionTitle: text(raw.sessionTitle),
    status: statusOf(raw.status),
    featured: raw.featured === true,
    comment: text(raw.comment),
    check: (isRecord(raw.check) ? raw.check : {}) as unknown as ReflectionDocument['check'],
    createdAt: createdAt instanceof Date ? createdAt : new Date(0),
    updatedAt: updatedAt instanceof Date ? updatedAt : new Date(0),
    sortKey: text(raw.sortKey),
    history: Array.isArray(raw.history) ? (raw.history as HistoryEntry[]) : [],
    storedUpdatedAt: updatedAt instanceof Date ? updatedAt : raw.updatedAt,
  };
}

/** What a reviewer is told about the automatic check of a pending reflection. */
function checkNoteOf(doc: ReflectionDocument): string {
  if (doc.status !== 'pending') return '';
  if (doc.check.suggest === 'review') return '自动检查：建议人工复核';
  if (doc.check.suggest === 'error') return '自动检查未能完成，请人工审核';
  return '';
}

/** One reflection in a list; `reviewer`: the caller reviews its group (and may be told about the check). */
export function summaryOf(doc: ReflectionDocument, viewer: string | null, reviewer = false): ReflectionSummary {
  return {
    id: doc._id,
    title: doc.title,
    excerpt: excerpt(doc.content, EXCERPT_LENGTH),
    authorName: doc.authorName,
    authorUnit: doc.authorUnit,
    groupNo: doc.groupNo,
    sessionId: doc.sessionId,
    sessionTitle: doc.sessionTitle,
    status: doc.status,
    featured: doc.featured && doc.status === 'published',
    comment: doc.status === 'returned' ? doc.comment : '',
    createdAt: isoOf(doc.createdAt),
    updatedAt: isoOf(doc.updatedAt),
    mine: viewer !== null && viewer === doc.authorOpenid,
    checkNote: reviewer ? checkNoteOf(doc) : '',
  };
}

export function viewOf(doc: ReflectionDocument, viewer: string | null, reviewable: boolean): ReflectionView {
  return { ...summaryOf(doc, viewer, reviewable), content: doc.content, reviewable };
}
