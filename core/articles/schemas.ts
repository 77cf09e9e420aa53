/** Schemas of the `articles` actions (zod/mini), typed against the shared contract so the two cannot drift. */
import * as z from 'zod/mini';
import { ARTICLE_LIMITS, type GetArticleRequest, type ListArticlesRequest } from '../../miniprogram/contracts/articles';
import type { Schema } from '../runtime/validation';

export const listArticlesSchema: Schema<ListArticlesRequest> = z.object({
  action: z.literal('list'),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(ARTICLE_LIMITS.maxPageSize))),
});

export const getArticleSchema: Schema<GetArticleRequest> = z.object({
  action: z.literal('get'),
  id: z.string().check(z.trim(), z.minLength(1), z.maxLength(ARTICLE_LIMITS.maxIdLength)),
});
