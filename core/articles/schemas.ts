/** zod schemas of the `articles` actions, typed against the shared contract so the two cannot drift. */
import * as z from 'zod';
import { ARTICLE_LIMITS, type GetArticleRequest, type ListArticlesRequest } from '../../miniprogram/contracts/articles';

export const listArticlesSchema: z.ZodType<ListArticlesRequest> = z.object({
  action: z.literal('list'),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(ARTICLE_LIMITS.maxPageSize).optional(),
});

export const getArticleSchema: z.ZodType<GetArticleRequest> = z.object({
  action: z.literal('get'),
  id: z.string().trim().min(1).max(ARTICLE_LIMITS.maxIdLength),
});
