/**
 * Contract of the `articles` cloud function: action names, request and response types, limits.
 */

export const ARTICLES_FUNCTION = 'articles';

export const ARTICLE_LIMITS = {
  /** Page size when the caller does not ask for one. */
  defaultPageSize: 10,
  /** Largest page a caller may ask for. */
  maxPageSize: 50,
  /** Longest article id accepted (CloudBase ids are 32 hex chars; hand-made ids may be longer). */
  maxIdLength: 64,
  /** Length of a generated summary, in characters. */
  summaryLength: 80,
} as const;

/** The category of a lecture's study note: read from the course materials, not listed with the reports. */
export const STUDY_NOTE_CATEGORY = '学习笔记';

/** One block of an article body, ready to render natively in WXML. */
export type ArticleBlock =
  | { type: 'heading'; level: 2 | 3 | 4; text: string }
  | { type: 'paragraph'; text: string }
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
}

export interface Article extends ArticleSummary {
  byline: ArticleByline;
  blocks: ArticleBlock[];
  /** ISO timestamp of the last edit. */
  updatedAt: string;
}

export interface ListArticlesRequest {
  action: 'list';
  /** Opaque cursor from the previous page's nextCursor. */
  cursor?: string;
  limit?: number;
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

/** Every action of the function, request type -> response type. */
export interface ArticlesActions {
  list: { request: ListArticlesRequest; response: ListArticlesResponse };
  get: { request: GetArticleRequest; response: GetArticleResponse };
}
