/**
 * Typed client of the `articles` cloud function. Images stored in cloud storage (cloud://)
 * are resolved to temporary https URLs here, so pages and components only ever see https or ''.
 */
import { ARTICLES_FUNCTION } from '../contracts/articles';
import type {
  Article,
  ArticleBlock,
  ArticleCategory,
  ArticlesActions,
  ListArticlesRequest,
  ListArticlesResponse,
} from '../contracts/articles';
import type { Envelope } from '../contracts/envelope';
import { callFunction, resolveCloudFiles } from './cloud';

export interface ListOptions {
  cursor?: string | null;
  category?: ArticleCategory | null;
  q?: string;
}

export async function listArticles(options: ListOptions = {}): Promise<Envelope<ListArticlesResponse>> {
  const request: ListArticlesRequest = { action: 'list' };
  if (options.cursor) request.cursor = options.cursor;
  if (options.category) request.category = options.category;
  if (options.q && options.q.trim() !== '') request.q = options.q.trim();
  const envelope = await callFunction<ArticlesActions, 'list'>(ARTICLES_FUNCTION, request);
  if (!envelope.ok) return envelope;
  // Covers in cloud storage become temporary https addresses, like the images of an article.
  const covers = envelope.data.items.map((item) => item.cover);
  if (!covers.some((cover) => cover.startsWith('cloud://'))) return envelope;
  const urls = await resolveCloudFiles(covers);
  const items = envelope.data.items.map((item) =>
    item.cover.startsWith('cloud://') ? { ...item, cover: urls.get(item.cover) ?? '' } : item,
  );
  return { ok: true, data: { ...envelope.data, items } };
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
