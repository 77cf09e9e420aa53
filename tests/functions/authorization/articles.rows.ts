/**
 * The `articles` function in the authorisation table: reading (list, get) is open to everyone; writing
 * (upsert, publish, unpublish, archive, listAll) only to organisers — a console call or an admin member.
 */
import { COLLECTIONS } from '../../../core/database/collections';
import { EVERYONE, ORGANISERS } from './outcomes';
import type { AuthorizationRow } from './table';

/** A published article to read, and a draft to act on (as organisers' actions need one). */
async function prepareArticles(db: Parameters<NonNullable<AuthorizationRow['prepare']>>[0]) {
  const articles = db.collection(COLLECTIONS.articles);
  await articles.doc('authz-published').set({ title: '已发布', body: '正文', status: 'published' });
  await articles.doc('authz-draft').set({ title: '草稿', body: '正文', status: 'draft' });
  return { published: 'authz-published', draft: 'authz-draft' };
}

export const rows: AuthorizationRow[] = [
  { fn: 'articles', action: 'list', event: () => ({}), expect: EVERYONE },
  { fn: 'articles', action: 'get', prepare: prepareArticles, event: (p) => ({ id: p.published }), expect: EVERYONE },
  {
    fn: 'articles',
    action: 'upsert',
    // Each caller writes its own new draft, so an allowed cell never conflicts with another.
    event: (_p, caller) => ({ article: { id: `authz-upsert-${caller}`, title: '权限测试', body: '正文' } }),
    expect: ORGANISERS,
  },
  { fn: 'articles', action: 'publish', prepare: prepareArticles, event: (p) => ({ id: p.draft }), expect: ORGANISERS },
  {
    fn: 'articles',
    action: 'unpublish',
    prepare: prepareArticles,
    event: (p) => ({ id: p.published }),
    expect: ORGANISERS,
  },
  { fn: 'articles', action: 'archive', prepare: prepareArticles, event: (p) => ({ id: p.draft }), expect: ORGANISERS },
  { fn: 'articles', action: 'listAll', event: () => ({}), expect: ORGANISERS },
];
