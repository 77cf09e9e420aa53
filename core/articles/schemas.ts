/** Schemas of the `articles` actions (zod/mini), typed against the shared contract so the two cannot drift. */
import * as z from 'zod/mini';
import {
  ARTICLE_CATEGORIES,
  ARTICLE_LIMITS,
  ARTICLE_STATUSES,
  ARTICLE_WRITABLE_CATEGORIES,
  ARTICLE_WRITE_LIMITS as W,
  type ArticleStatusRequest,
  type GetArticleRequest,
  type ListAllArticlesRequest,
  type ListArticlesRequest,
  type UpsertArticleRequest,
} from '../../miniprogram/contracts/articles';
import type { Schema } from '../runtime/validation';
import { isLoadableImageSource } from './read-stored';

const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(ARTICLE_LIMITS.maxIdLength));
const cursor = z.optional(z.string().check(z.maxLength(400)));

export const listArticlesSchema: Schema<ListArticlesRequest> = z.object({
  action: z.literal('list'),
  cursor,
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(ARTICLE_LIMITS.maxPageSize))),
  category: z.optional(z.enum(ARTICLE_CATEGORIES)),
  q: z.optional(z.string().check(z.trim(), z.maxLength(W.queryLength))),
});

export const getArticleSchema: Schema<GetArticleRequest> = z.object({ action: z.literal('get'), id });

const line = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const names = z.optional(z.array(line(W.nameLength)).check(z.maxLength(W.namesPerRole)));

export const upsertArticleSchema: Schema<UpsertArticleRequest> = z.object({
  action: z.literal('upsert'),
  article: z.object({
    id: z.optional(id),
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(W.titleLength)),
    summary: z.optional(line(W.summaryLength)),
    category: z.optional(z.enum(ARTICLE_WRITABLE_CATEGORIES)),
    source: z.optional(line(W.sourceLength)),
    byline: z.optional(z.object({ reporters: names, correspondents: names, editors: names })),
    cover: z.optional(
      line(W.addressLength).check(
        z.refine((value) => value === '' || isLoadableImageSource(value), {
          message: '参数 article.cover 应为 https:// 或 cloud:// 开头的图片地址',
        }),
      ),
    ),
    body: z.string().check(z.maxLength(W.bodyLength)),
    pinned: z.optional(z.boolean()),
    publishedAt: z.optional(
      z
        .string()
        .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: '参数 article.publishedAt 应为 YYYY-MM-DD 格式的日期' })),
    ),
  }),
  version: z.optional(z.number().check(z.int(), z.minimum(0))),
});

function statusSchema<A extends 'publish' | 'unpublish' | 'archive'>(action: A): Schema<ArticleStatusRequest<A>> {
  return z.object({ action: z.literal(action), id }) as unknown as Schema<ArticleStatusRequest<A>>;
}

export const publishSchema = statusSchema('publish');
export const unpublishSchema = statusSchema('unpublish');
export const archiveSchema = statusSchema('archive');

export const listAllArticlesSchema: Schema<ListAllArticlesRequest> = z.object({
  action: z.literal('listAll'),
  status: z.optional(z.enum(ARTICLE_STATUSES)),
  cursor,
});
