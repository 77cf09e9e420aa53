/**
 * Typed client of the `articles` cloud function. Images stored in cloud storage (cloud://)
 * are resolved to temporary https URLs here, so pages and components only ever see https or ''.
 */
import { ARTICLES_FUNCTION } from '../contracts/articles';
import type { Article, ArticleBlock, ArticlesActions, ListArticlesResponse } from '../contracts/articles';
import type { Envelope } from '../contracts/envelope';
import { callFunction, resolveCloudFiles } from './cloud';

export function listArticles(cursor?: string): Promise<Envelope<ListArticlesResponse>> {
  return callFunction<ArticlesActions, 'list'>(
    ARTICLES_FUNCTION,
    cursor ? { action: 'list', cursor } : { action: 'list' },
  );
}

export async function getArticle(id: string): Promise<Envelope<{ article: Article }>> {
  const envelope = await callFunction<ArticlesActions, 'get'>(ARTICLES_FUNCTION, { action: 'get', id });
  if (!envelope.ok) return envelope;
  return { ok: true, data: { article: await withResolvedImages(envelope.data.article) } };
}

async function withResolvedImages(article: Article): Promise<Article> {
  const cloudIds = [article.cover, ...article.blocks.map((block) => (block.type === 'image' ? block.src : ''))];
  if (!cloudIds.some((id) => id.startsWith('cloud://'))) return article;
  const urls = await resolveCloudFiles(cloudIds);
  const resolve = (src: string): string => (src.startsWith('cloud://') ? (urls.get(src) ?? '') : src);
  const blocks = article.blocks.map((block): ArticleBlock =>
    block.type === 'image' ? { ...block, src: resolve(block.src) } : block,
  );
  return { ...article, cover: resolve(article.cover), blocks };
}
