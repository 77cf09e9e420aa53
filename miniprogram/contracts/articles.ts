/**
 * Contract of the `articles` cloud function: action names, request and response types, the limits a
 * request must keep to, messages. The stored document (core/articles/stored.ts) and the server's own
 * choices (the length of a generated summary, core/articles/summary.ts) live in core/articles.
 */

export const ARTICLES_FUNCTION = 'articles';

export const ARTICLE_LIMITS = {
  /** Page size when the caller does not ask for one. */
  defaultPageSize: 10,
  /** Largest page a caller may ask for. */
  maxPageSize: 50,
  /** Longest article id accepted (CloudBase ids are 32 hex chars; hand-made ids may be longer). */
  maxIdLength: 64,
} as const;

/** The category of a lecture's study note: read from the course materials, not listed with the reports. */
export const STUDY_NOTE_CATEGORY = '学习笔记';

/** The categories readers browse by (the list page's tabs), in tab order. */
export const ARTICLE_CATEGORIES = ['通知', '报道', '学习资料'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

/** What an organiser may file an article under: the readers' categories, and study notes of a lecture. */
export const ARTICLE_WRITABLE_CATEGORIES = [...ARTICLE_CATEGORIES, STUDY_NOTE_CATEGORY] as const;
export type ArticleWritableCategory = (typeof ARTICLE_WRITABLE_CATEGORIES)[number];

/** Where an article stands. Readers see only 'published'. */
export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Limits of what an organiser writes (upsert); the client editor, the publish command and the function share them. */
export const ARTICLE_WRITE_LIMITS = {
  titleLength: 120,
  summaryLength: 300,
  sourceLength: 60,
  nameLength: 30,
  namesPerRole: 20,
  addressLength: 1000,
  /** Markdown body, in characters: a long report is ~10,000. */
  bodyLength: 100_000,
  /** Keyword search, in characters. */
  queryLength: 40,
} as const;

/**
 * A run of inline text. `bold`/`italic` style it; `href` (only http, https and mailto addresses survive)
 * makes it a link, which the mini-program cannot open: tapping copies the address.
 */
export interface InlineSpan {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/** One block of an article body, ready to render natively in WXML. */
export type ArticleBlock =
  | { type: 'heading'; level: 2 | 3 | 4; text: string }
  | {
      type: 'paragraph';
      /** The paragraph as plain text (selection, search, summary). */
      text: string;
      /** Present only when the paragraph has inline formatting: the same text in styled runs. */
      spans?: InlineSpan[];
    }
  | { type: 'quote'; paragraphs: string[] }
  | {
      type: 'image';
      /** https:// or cloud:// address; empty when the source only names a photo it does not carry. */
      src: string;
      /** The file name the source gives, when the photo itself is missing. */
      name: string;
      caption: string;
    }
  | { type: 'list'; ordered: boolean; items: string[] };

export interface ArticleByline {
  reporters: string[];
  correspondents: string[];
  editors: string[];
}

export interface ArticleSummary {
  id: string;
  title: string;
  /** Issuing body, e.g. 河南省人大融媒体中心. */
  source: string;
  /** Publication date as YYYY-MM-DD (the date printed on the article, Asia/Shanghai). */
  publishedAt: string;
  summary: string;
  /** Cover image address, https:// or cloud://; empty when none. */
  cover: string;
  /** The organiser's category, e.g. 学习笔记 for a lecture's study note; absent when the document names none. */
  category?: string;
  /** Shown at the top of the list. */
  pinned: boolean;
}

/** A neighbour in list order, for 上一篇 / 下一篇. */
export interface ArticleLink {
  id: string;
  title: string;
}

export interface Article extends ArticleSummary {
  byline: ArticleByline;
  blocks: ArticleBlock[];
  /** ISO timestamp of the last edit. */
  updatedAt: string;
  /** The article above this one in the list (newer, or pinned); null at the top or for a study note. */
  previous: ArticleLink | null;
  /** The article below this one in the list (older); null at the end or for a study note. */
  next: ArticleLink | null;
}

export interface ListArticlesRequest {
  action: 'list';
  /** Opaque cursor from the previous page's nextCursor. */
  cursor?: string;
  limit?: number;
  /** Only this category (the list page's tabs). */
  category?: ArticleCategory;
  /** Keyword over title, summary and text (case-insensitive, taken literally). */
  q?: string;
}

export interface ListArticlesResponse {
  items: ArticleSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface GetArticleRequest {
  action: 'get';
  id: string;
}

export interface GetArticleResponse {
  article: Article;
}

/** What an organiser writes. Absent optional fields are cleared on an edit (the request is the whole article). */
export interface ArticleInput {
  /** Absent: a new article (a generated id). Given: that article, created with this id when missing. */
  id?: string;
  title: string;
  summary?: string;
  category?: ArticleWritableCategory;
  source?: string;
  byline?: Partial<ArticleByline>;
  /** https:// or cloud:// address. */
  cover?: string;
  /** Markdown. */
  body: string;
  pinned?: boolean;
  /** The date printed on the article, YYYY-MM-DD; absent: the day it is first published (Asia/Shanghai). */
  publishedAt?: string;
}

export interface UpsertArticleRequest {
  action: 'upsert';
  article: ArticleInput;
  /** The version being edited (from listAll or the last write); required to edit an existing article. */
  version?: number;
}

/** The answer of every write: where the article now stands. */
export interface ArticleWriteResponse {
  id: string;
  version: number;
  status: ArticleStatus;
  /** False when the write found nothing to change (the same content again). */
  changed: boolean;
}

export interface ArticleStatusRequest<A extends 'publish' | 'unpublish' | 'archive'> {
  action: A;
  id: string;
}

export interface ListAllArticlesRequest {
  action: 'listAll';
  status?: ArticleStatus;
  cursor?: string;
}

/** One row of the organisers' list (drafts and archived included). */
export interface ArticleAdminItem {
  id: string;
  title: string;
  status: ArticleStatus;
  category: string;
  pinned: boolean;
  publishedAt: string;
  updatedAt: string;
  version: number;
  /** The stored body's content hash, so a tool can tell whether a file differs from what is stored. */
  contentHash: string;
}

export interface ListAllArticlesResponse {
  items: ArticleAdminItem[];
  nextCursor: string | null;
}

/** Every action of the function, request type -> response type. */
export interface ArticlesActions {
  list: { request: ListArticlesRequest; response: ListArticlesResponse };
  get: { request: GetArticleRequest; response: GetArticleResponse };
  upsert: { request: UpsertArticleRequest; response: ArticleWriteResponse };
  publish: { request: ArticleStatusRequest<'publish'>; response: ArticleWriteResponse };
  unpublish: { request: ArticleStatusRequest<'unpublish'>; response: ArticleWriteResponse };
  archive: { request: ArticleStatusRequest<'archive'>; response: ArticleWriteResponse };
  listAll: { request: ListAllArticlesRequest; response: ListAllArticlesResponse };
}

/** Chinese messages of this function's errors. */
export const ARTICLE_MESSAGES = {
  notFound: '文章不存在或尚未发布',
  adminNotFound: '没有找到这篇文章',
  staleVersion: '文章已被他人修改，请刷新后再编辑',
  versionRequired: '这篇文章已存在：编辑时请提供 version',
  badCursor: '参数 cursor 无效，请从第一页重新加载',
} as const;
