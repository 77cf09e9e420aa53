/** The `articles` function's actions, checked against ArticlesActions by defineFunction's type. */
import type { ArticlesActions } from '../../miniprogram/contracts/articles';
import { getDatabase } from '../runtime/cloud';
import type { ActionDefinitions } from '../runtime/define-function';
import { ArticlesRepository } from './repository';
import { getArticleSchema, listArticlesSchema } from './schemas';
import { getArticle, listArticles } from './service';

function repository(): ArticlesRepository {
  return new ArticlesRepository(getDatabase());
}

export const articlesActions: ActionDefinitions<ArticlesActions> = {
  list: { access: 'content.read', schema: listArticlesSchema, handler: (input) => listArticles(repository(), input) },
  get: { access: 'content.read', schema: getArticleSchema, handler: (input) => getArticle(repository(), input) },
};
