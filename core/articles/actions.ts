/** The `articles` function's actions, checked against ArticlesActions by defineFunction's type. */
import type { ArticlesActions } from '../../miniprogram/contracts/articles';
import { getDatabase } from '../runtime/cloud';
import type { ActionDefinitions } from '../runtime/define-function';
import { changeStatus, listAllArticles, upsertArticle, type AdminDeps } from './admin';
import { ArticlesRepository } from './repository';
import {
  archiveSchema,
  getArticleSchema,
  listAllArticlesSchema,
  listArticlesSchema,
  publishSchema,
  unpublishSchema,
  upsertArticleSchema,
} from './schemas';
import { getArticle, listArticles } from './use-cases';

function repository(): ArticlesRepository {
  return new ArticlesRepository(getDatabase());
}

function admin(): AdminDeps {
  return { repository: repository() };
}

export const articlesActions: ActionDefinitions<ArticlesActions> = {
  list: { access: 'content.read', schema: listArticlesSchema, handler: (input) => listArticles(repository(), input) },
  get: { access: 'content.read', schema: getArticleSchema, handler: (input) => getArticle(repository(), input) },
  upsert: { access: 'articles.manage', schema: upsertArticleSchema, handler: (input) => upsertArticle(admin(), input) },
  publish: {
    access: 'articles.manage',
    schema: publishSchema,
    handler: (input) => changeStatus(admin(), input.id, 'published'),
  },
  unpublish: {
    access: 'articles.manage',
    schema: unpublishSchema,
    handler: (input) => changeStatus(admin(), input.id, 'draft'),
  },
  archive: {
    access: 'articles.manage',
    schema: archiveSchema,
    handler: (input) => changeStatus(admin(), input.id, 'archived'),
  },
  listAll: {
    access: 'articles.manage',
    schema: listAllArticlesSchema,
    handler: (input) => listAllArticles(admin(), input),
  },
};
