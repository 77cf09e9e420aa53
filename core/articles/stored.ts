/**
 * The `articles` collection as stored: written by the function (admin.ts) and the seed, and typed by hand
 * by organisers in the CloudBase console's JSON editor (read-stored.ts reads either forgivingly).
 */
import type { ArticleBlock, ArticleByline, ArticleStatus } from '../../miniprogram/contracts/articles';

/**
 * What readers need, computed from the body at write time (core/articles/rendering.ts), so `list` and `get`
 * never parse Markdown. `bodyHash` says which body it was computed from: a body edited by hand in the
 * console no longer matches, and the reader gets a fresh rendering instead of a stale one.
 */
export interface RenderedArticle {
  bodyHash: string;
  blocks: ArticleBlock[];
  /** The summary readers see: the organiser's own, else the opening paragraphs cut to length. */
  summary: string;
  /** The whole text without markup, for keyword search. */
  text: string;
}

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
  /** Shown first in the list. */
  pinned?: boolean;
  /** Bumped by every write through the function; an edit names the version it edits. Absent on hand-made documents. */
  version?: number;
  /** ISO instant of the first publication (orders articles of the same day). */
  publishedTime?: string;
  /** Hash of what the organiser wrote (core/articles/rendering.ts contentHash): equal input, no write. */
  contentHash?: string;
  /** The list's sort key, "pinned|instant|_id" (core/articles/sort-key.ts); absent on hand-made documents. */
  sortKey?: string;
  rendered?: RenderedArticle;
}
