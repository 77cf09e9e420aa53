/**
 * The `articles` collection as organisers type it in the CloudBase console's JSON editor, and the
 * forgiving reading of it. Hand-typed documents miss fields, use a string where a list was meant or
 * write dates loosely: each field falls back to an empty value, and only a document with no title
 * (nothing to show) is dropped. One bad document must never break the list.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { ArticleByline } from '../../miniprogram/contracts/articles';

dayjs.extend(customParseFormat);
dayjs.extend(utc);
dayjs.extend(timezone);

export const ARTICLES_COLLECTION = 'articles';

/** Dates on articles are the dates printed on them, in China. */
const ARTICLE_TIME_ZONE = 'Asia/Shanghai';

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
  /** ISO timestamp. */
  updatedAt: string;
}

/** A document after the forgiving read: every field present and of the right type. */
export type NormalizedArticle = Required<Omit<ArticleDocument, 'summary'>> & { summary: string };

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** A list of names: an array of strings, or one string an organiser typed as 王紫仪、曹新俊. */
function names(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(text) : typeof value === 'string' ? value.split(/[、,，;；\s]+/) : [];
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** $date objects are how dates look in console exports; the SDK hands back Date instances. */
function dateInput(value: unknown): Date | string | number | null {
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number') return value;
  if (value !== null && typeof value === 'object' && '$date' in value) {
    return dateInput((value as { $date: unknown }).$date);
  }
  return null;
}

/** 2024-11-26, 2024/11/26, 2024.11.26, 2024-11-26T…, or a Date -> 2024-11-26; anything else -> ''. */
export function normalizeDate(value: unknown): string {
  const input = dateInput(value);
  // A bare number in a date field is a typing slip, not a day.
  if (input === null || typeof input === 'number') return '';
  if (typeof input === 'string') {
    const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(input.trim());
    if (match) {
      const day = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
      // Strict parsing rejects 2024-02-30 instead of rolling it over into March.
      return dayjs(day, 'YYYY-MM-DD', true).isValid() ? day : '';
    }
  }
  const instant = dayjs(input);
  return instant.isValid() ? instant.tz(ARTICLE_TIME_ZONE).format('YYYY-MM-DD') : '';
}

function normalizeTimestamp(value: unknown): string {
  const input = dateInput(value);
  if (input === null) return '';
  const instant = dayjs(input);
  return instant.isValid() ? instant.toISOString() : '';
}

/** Only addresses the mini-program can load; anything else is treated as no image. */
export function isLoadableImageSource(src: string): boolean {
  return /^(https|cloud):\/\/\S+$/i.test(src);
}

function normalizeStatus(value: unknown): ArticleStatus {
  // Publishing is a deliberate act: only the exact word publishes (the same test the list query makes),
  // anything else — 'Published', '发布', a typo — stays a draft.
  return text(value) === 'published' ? 'published' : 'draft';
}

/** The forgiving read. Returns null only when there is nothing to show (not an object, no id or no title). */
export function normalizeArticle(raw: unknown): NormalizedArticle | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const doc = raw as Record<string, unknown>;
  const id = text(doc._id);
  const title = text(doc.title);
  if (id === '' || title === '') return null;
  const byline = (doc.byline !== null && typeof doc.byline === 'object' ? doc.byline : {}) as Record<string, unknown>;
  const cover = text(doc.cover);
  return {
    _id: id,
    title,
    source: text(doc.source),
    publishedAt: normalizeDate(doc.publishedAt),
    byline: {
      reporters: names(byline.reporters),
      correspondents: names(byline.correspondents),
      editors: names(byline.editors),
    },
    status: normalizeStatus(doc.status),
    body: typeof doc.body === 'string' ? doc.body : '',
    cover: isLoadableImageSource(cover) ? cover : '',
    summary: text(doc.summary),
    updatedAt: normalizeTimestamp(doc.updatedAt),
  };
}
