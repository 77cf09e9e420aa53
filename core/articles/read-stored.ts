/**
 * The forgiving read of the `articles` collection (stored.ts): written by the function, or typed by
 * organisers in the CloudBase console's JSON editor. Hand-typed documents miss fields, use a string where
 * a list was meant or write dates loosely: each field falls back to an empty value, and only a document with no title
 * (nothing to show) is dropped. One bad document must never break the list.
 */
import type { ArticleBlock, ArticleStatus } from '../../miniprogram/contracts/articles';
import { normalizeCalendarDate, normalizeInstant, shanghaiClock } from '../../miniprogram/lib/datetime';
import { isRecord, text, textList, unwrapDate } from '../runtime/stored-fields';
import type { ArticleDocument, RenderedArticle } from './stored';

/** A document after the forgiving read: every field present and of the right type. */
export type NormalizedArticle = Required<
  Omit<ArticleDocument, 'summary' | 'category' | 'rendered' | 'contentHash' | 'sortKey' | 'publishedTime'>
> & {
  summary: string;
  /** '' when the document names no category. */
  category: string;
  /** '' when never published through the function. */
  publishedTime: string;
  contentHash: string;
  /** '' when the document carries none (made by hand): see sort-key.ts. */
  sortKey: string;
  /** null when missing or not of the stored shape: the reader computes it (rendering.ts). */
  rendered: RenderedArticle | null;
  /** The stored summary alone (the list reads only it, leaving blocks and text in the database); null when absent. */
  renderedSummary: string | null;
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
  const status = text(value);
  return status === 'published' || status === 'archived' ? status : 'draft';
}

/** The stored rendering when it has the shape this code wrote; anything else is recomputed by the reader. */
function storedRendering(value: unknown): RenderedArticle | null {
  if (!isRecord(value)) return null;
  const { bodyHash, blocks, summary, text: plain } = value;
  if (
    typeof bodyHash !== 'string' ||
    !Array.isArray(blocks) ||
    typeof summary !== 'string' ||
    typeof plain !== 'string'
  )
    return null;
  return { bodyHash, blocks: blocks as ArticleBlock[], summary, text: plain };
}

function version(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
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
    pinned: raw.pinned === true,
    version: version(raw.version),
    publishedTime: normalizeTimestamp(raw.publishedTime),
    contentHash: typeof raw.contentHash === 'string' ? raw.contentHash : '',
    sortKey: typeof raw.sortKey === 'string' ? raw.sortKey : '',
    rendered: storedRendering(raw.rendered),
    renderedSummary: isRecord(raw.rendered) && typeof raw.rendered.summary === 'string' ? raw.rendered.summary : null,
  };
}
