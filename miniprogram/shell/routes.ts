/**
 * Where the pages live and how to link to them, spelled once (app.json declares the same paths).
 * Ids travel URL-encoded; the opened page reads them back with queryParam.
 */

export const HOME_PAGE = '/pages/home/index';
export const SCHEDULE_PAGE = '/pages/schedule/index';
export const MATERIALS_PAGE = '/training/materials/index';
export const ME_PAGE = '/pages/me/index';
export const ENROL_PAGE = '/people/enrol/index';
export const PRIVACY_PAGE = '/people/privacy/index';
export const ARTICLE_LIST_PAGE = '/reading/list/index';
export const DISCUSS_PAGE = '/pages/discuss/index';
export const REVIEW_PAGE = '/reflections/review/index';

/** The write page: a new reflection, or (with an id) a change to one's own. */
export function writePage(reflectionId?: string): string {
  return reflectionId ? `/reflections/write/index?id=${encodeURIComponent(reflectionId)}` : '/reflections/write/index';
}

export function reflectionPage(reflectionId: string): string {
  return `/reflections/detail/index?id=${encodeURIComponent(reflectionId)}`;
}

export function articlePage(articleId: string): string {
  return `/reading/article/index?id=${encodeURIComponent(articleId)}`;
}

export function sessionPage(sessionId: string): string {
  return `/training/session/index?id=${encodeURIComponent(sessionId)}`;
}

/**
 * A parameter of the query a page was opened with, URL-decoded and trimmed; '' when absent.
 * A malformed escape (a hand-made link, a garbled share) is kept as typed: decodeURIComponent would
 * throw in onLoad and leave the page blank, while the function answers a kept value with a clear
 * "not found".
 */
export function queryParam(query: Record<string, string | undefined> | undefined, name: string): string {
  const raw = query?.[name] ?? '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}
