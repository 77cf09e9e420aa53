/**
 * The `articles` collection as organisers type it in the CloudBase console's JSON editor, and the
 * forgiving reading of it. Hand-typed documents miss fields, use a string where a list was meant or
 * write dates loosely: each field falls back to an empty value, and only a document with no title
 * (nothing to show) is dropped. One bad document must never break the list.
 */
import type { ArticleByline } from '../../miniprogram/contracts/articles';
import { normalizeCalendarDate, normalizeInstant, shanghaiClock } from '../../miniprogram/lib/datetime';
import { COLLECTIONS } from '../database/collections';
import { isRecord, text, textList, unwrapDate } from '../documents/fields';

/** The collection, named once in core/database/collections.ts. */
export const ARTICLES_COLLECTION = COLLECTIONS.articles;

export type ArticleStatus = 'published' | 'draft';

/** What a well-formed document in `articles` looks like (what the seed writes and the organiser guide shows). */
export interface ArticleDocument {
  _id: string;
  title: string;
  source: string;
  /** YYYY-MM-DD, the date printed on the article. */
  publishedAt: string;
  byline: ArticleByline;
  status: ArticleStatus;
  /** Markdown. */
  body: string;
  /** https:// or cloud:// address, or ''. */
  cover: string;
  /** Optional: when absent the summary is taken from the first paragraphs of the body. */
  summary?: string;
  /** Optional: 学习笔记 marks a lecture's study note (read from the course materials, not listed). */
  category?: string;
  /** ISO timestamp. */
  updatedAt: string;
}

/** A document after the forgiving read: every field present and of the right type. */
export type NormalizedArticle = Required<Omit<ArticleDocument, 'summary' | 'category'>> & {
  summary: string;
  /** '' when the document names no category. */
  category: string;
};

/**
 * The date printed on the article, as the Shanghai calendar date: 2024-11-26, 2024/11/26, 2024年11月26日,
 * a timestamp or a Date -> 2024-11-26; anything else (2024-02-30 included) -> ''.
 */
export function normalizeDate(value: unknown): string {
  const input = unwrapDate(value);
  // A bare number in a date field is a typing slip, not a day.
  if (typeof input === 'number') return '';
  const date = normalizeCalendarDate(input);
  if (date !== null) return date;
  const instant = normalizeInstant(input);
  return instant === null ? '' : shanghaiClock(instant).date;
}

/** An ISO timestamp (UTC), or '' when the value denotes no instant. */
function normalizeTimestamp(value: unknown): string {
  const instant = normalizeInstant(unwrapDate(value));
  return instant === null ? '' : new Date(instant).toISOString();
}

/** Only addresses the mini-program can load; anything else is treated as no image. */
export function isLoadableImageSource(src: string): boolean {
  // Any non-blank address after the scheme: real file names contain spaces ("会议 现场.jpg").
  return /^(https|cloud):\/\/\S/i.test(src);
}

function normalizeStatus(value: unknown): ArticleStatus {
  // Publishing is a deliberate act: only the exact word publishes (the same test the list query makes),
  // anything else — 'Published', '发布', a typo — stays a draft.
  return text(value) === 'published' ? 'published' : 'draft';
}

/** The forgiving read. Returns null only when there is nothing to show (not an object, no id or no title). */
export function normalizeArticle(raw: unknown): NormalizedArticle | null {
  if (!isRecord(raw)) return null;
  const id = text(raw._id);
  const title = text(raw.title);
  if (id === '' || title === '') return null;
  // Names may be typed as one string, 王紫仪、曹新俊: textList splits them.
  const byline = isRecord(raw.byline) ? raw.byline : {};
  const cover = text(raw.cover);
  return {
    _id: id,
    title,
    source: text(raw.source),
    publishedAt: normalizeDate(raw.publishedAt),
    byline: {
      reporters: textList(byline.reporters),
      correspondents: textList(byline.correspondents),
      editors: textList(byline.editors),
    },
    status: normalizeStatus(raw.status),
    body: typeof raw.body === 'string' ? raw.body : '',
    cover: isLoadableImageSource(cover) ? cover : '',
    summary: text(raw.summary),
    category: text(raw.category),
    updatedAt: normalizeTimestamp(raw.updatedAt),
  };
}
