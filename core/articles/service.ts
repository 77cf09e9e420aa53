/** What the `articles` actions do, independent of how they are invoked. */
import {
  ARTICLE_LIMITS,
  type Article,
  type ArticleSummary,
  type GetArticleRequest,
  type GetArticleResponse,
  type ListArticlesRequest,
  type ListArticlesResponse,
} from '../../miniprogram/contracts/articles';
import { AppError } from '../runtime/errors';
import { decodeCursor, encodeCursor } from './cursor';
import type { NormalizedArticle } from './document';
import { markdownToBlocks } from './markdown';
import type { ArticlesRepository } from './repository';
import { summaryOf } from './summary';

/** The category only when the document names one (the contract's field is optional). */
function categoryOf(article: NormalizedArticle): Pick<ArticleSummary, 'category'> {
  return article.category === '' ? {} : { category: article.category };
}

function toSummary(article: NormalizedArticle): ArticleSummary {
  return {
    id: article._id,
    title: article.title,
    source: article.source,
    publishedAt: article.publishedAt,
    summary: summaryOf(article.summary, markdownToBlocks(article.body)),
    cover: article.cover,
    ...categoryOf(article),
  };
}

function toArticle(article: NormalizedArticle): Article {
  const blocks = markdownToBlocks(article.body);
  return {
    id: article._id,
    title: article.title,
    source: article.source,
    publishedAt: article.publishedAt,
    summary: summaryOf(article.summary, blocks),
    cover: article.cover,
    ...categoryOf(article),
    byline: article.byline,
    blocks,
    updatedAt: article.updatedAt,
  };
}

export async function listArticles(
  repository: ArticlesRepository,
  request: ListArticlesRequest,
): Promise<ListArticlesResponse> {
  const offset = decodeCursor(request.cursor);
  const limit = request.limit ?? ARTICLE_LIMITS.defaultPageSize;
  const page = await repository.listPublished(offset, limit);
  return {
    items: page.articles.map(toSummary),
    nextCursor: page.hasMore ? encodeCursor(offset + limit) : null,
  };
}

export async function getArticle(
  repository: ArticlesRepository,
  request: GetArticleRequest,
): Promise<GetArticleResponse> {
  const article = await repository.findById(request.id);
  // A draft is as invisible as a missing article: readers must not learn it exists.
  if (article === null || article.status !== 'published') {
    throw new AppError('NOT_FOUND', '文章不存在或尚未发布');
  }
  return { article: toArticle(article) };
}
