/** What the readers' `articles` actions do (list, get), independent of how they are invoked. */
import {
  ARTICLE_LIMITS,
  ARTICLE_MESSAGES,
  STUDY_NOTE_CATEGORY,
  type Article,
  type ArticleLink,
  type ArticleSummary,
  type GetArticleRequest,
  type GetArticleResponse,
  type ListArticlesRequest,
  type ListArticlesResponse,
} from '../../miniprogram/contracts/articles';
import { AppError } from '../runtime/errors';
import type { NormalizedArticle } from './read-stored';
import { renderingOf } from './rendering';
import type { ArticlesRepository } from './repository';
import { decodeListCursor, encodeListCursor, sortKeyOf } from './sort-key';

/** The category only when the document names one (the contract's field is optional). */
function categoryOf(article: NormalizedArticle): Pick<ArticleSummary, 'category'> {
  return article.category === '' ? {} : { category: article.category };
}

/**
 * The summary a list row shows. The list leaves bodies in the database, so a document without a stored
 * rendering (typed by hand) is read again whole, once, to compute it.
 */
async function summaryFor(repository: ArticlesRepository, article: NormalizedArticle): Promise<string> {
  if (article.renderedSummary !== null) return article.summary !== '' ? article.summary : article.renderedSummary;
  const whole = await repository.findById(article._id);
  return whole === null ? article.summary : renderingOf(whole).summary;
}

function summaryFields(article: NormalizedArticle, summary: string): ArticleSummary {
  return {
    id: article._id,
    title: article.title,
    source: article.source,
    publishedAt: article.publishedAt,
    summary,
    cover: article.cover,
    pinned: article.pinned,
    ...categoryOf(article),
  };
}

function link(article: NormalizedArticle | null): ArticleLink | null {
  return article === null ? null : { id: article._id, title: article.title };
}

export async function listArticles(
  repository: ArticlesRepository,
  request: ListArticlesRequest,
): Promise<ListArticlesResponse> {
  const position = decodeListCursor(request.cursor);
  const limit = request.limit ?? ARTICLE_LIMITS.defaultPageSize;
  const page = await repository.listPublished({ category: request.category, q: request.q }, position, limit);
  const items = await Promise.all(
    page.articles.map(async (article) => summaryFields(article, await summaryFor(repository, article))),
  );
  return { items, nextCursor: page.next === null ? null : encodeListCursor(page.next) };
}

export async function getArticle(
  repository: ArticlesRepository,
  request: GetArticleRequest,
): Promise<GetArticleResponse> {
  const article = await repository.findById(request.id);
  // A draft is as invisible as a missing article: readers must not learn it exists.
  if (article === null || article.status !== 'published') {
    throw new AppError('NOT_FOUND', ARTICLE_MESSAGES.notFound);
  }
  const rendering = renderingOf(article);
  // Study notes are not in the list, so they have no neighbours in it.
  const neighbours =
    article.category === STUDY_NOTE_CATEGORY
      ? { previous: null, next: null }
      : await repository.neighbours(
          article.sortKey !== ''
            ? article.sortKey
            : sortKeyOf({
                id: article._id,
                pinned: article.pinned,
                publishedTime: '',
                publishedAt: article.publishedAt,
              }),
        );
  const result: Article = {
    ...summaryFields(article, rendering.summary),
    byline: article.byline,
    blocks: rendering.blocks,
    updatedAt: article.updatedAt,
    previous: link(neighbours.previous),
    next: link(neighbours.next),
  };
  return { article: result };
}
