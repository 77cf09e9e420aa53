/**
 * The `articles` function in the authorisation table: reading (list, get) is open to everyone; writing
 * (upsert, publish, unpublish, archive, listAll) only to organisers — a console call or an admin member.
 */
import { COLLECTIONS } from '../../../core/database/collections';
import type { AuthorizationRow, CallerKind, Outcome } from './table';

const everyone: Record<CallerKind, Outcome> = {
  console: 'allowed',
  visitor: 'allowed',
  trainee1: 'allowed',
  trainee2: 'allowed',
  leader1: 'allowed',
  leader2: 'allowed',
  admin: 'allowed',
};

const organisers: Record<CallerKind, Outcome> = {
  console: 'allowed',
  visitor: 'denied',
  trainee1: 'denied',
  trainee2: 'denied',
  leader1: 'denied',
  leader2: 'denied',
  admin: 'allowed',
};

/** A published article to read, and a draft to act on (as organisers' actions need one). */
async function prepareArticles(db: Parameters<NonNullable<AuthorizationRow['prepare']>>[0]) {
  const articles = db.collection(COLLECTIONS.articles);
  await articles.doc('authz-published').set({ title: '已发布', body: '正文', status: 'published' });
  await articles.doc('authz-draft').set({ title: '草稿', body: '正文', status: 'draft' });
  return { published: 'authz-published', draft: 'authz-draft' };
}

export const rows: AuthorizationRow[] = [
  { fn: 'articles', action: 'list', event: () => ({}), expect: everyone },
  { fn: 'articles', action: 'get', prepare: prepareArticles, event: (p) => ({ id: p.published }), expect: everyone },
  {
    fn: 'articles',
    action: 'upsert',
    // Each caller writes its own new draft, so an allowed cell never conflicts with another.
    event: (_p, caller) => ({ article: { id: `authz-upsert-${caller}`, title: '权限测试', body: '正文' } }),
    expect: organisers,
  },
  { fn: 'articles', action: 'publish', prepare: prepareArticles, event: (p) => ({ id: p.draft }), expect: organisers },
  {
    fn: 'articles',
    action: 'unpublish',
    prepare: prepareArticles,
    event: (p) => ({ id: p.published }),
    expect: organisers,
  },
  { fn: 'articles', action: 'archive', prepare: prepareArticles, event: (p) => ({ id: p.draft }), expect: organisers },
  { fn: 'articles', action: 'listAll', event: () => ({}), expect: organisers },
];
