/**
 * The `articles` collection through @cloudbase/node-sdk. Returns documents after the forgiving read
 * (see document.ts); what the database holds is never trusted to be well-formed.
 */
import { STUDY_NOTE_CATEGORY } from '../../miniprogram/contracts/articles';
import type { Database } from '../runtime/cloud';
import { ARTICLES_COLLECTION, normalizeArticle, type NormalizedArticle } from './document';

export interface ArticlePage {
  articles: NormalizedArticle[];
  /** True when more published articles follow this page. */
  hasMore: boolean;
}

export class ArticlesRepository {
  constructor(private readonly db: Database) {}

  /** Published articles, newest first (ties broken by id so pages never overlap), `limit` from `offset`. */
  async listPublished(offset: number, limit: number): Promise<ArticlePage> {
    const result = await this.db
      .collection(ARTICLES_COLLECTION)
      // Lecture study notes (category 学习笔记, seed/training) are read from the course materials, not listed as reports.
      .where({ status: 'published', category: this.db.command.neq(STUDY_NOTE_CATEGORY) })
      .orderBy('publishedAt', 'desc')
      .orderBy('_id', 'desc')
      .skip(offset)
      .limit(limit + 1) // one extra tells us whether another page exists
      .get();
    const rows: unknown[] = Array.isArray(result.data) ? result.data : [];
    const articles = rows
      .slice(0, limit)
      .map(normalizeArticle)
      .filter((article): article is NormalizedArticle => article !== null && article.status === 'published');
    return { articles, hasMore: rows.length > limit };
  }

  /** One article by id, whatever its status (the caller decides what drafts mean); null when missing or unreadable. */
  async findById(id: string): Promise<NormalizedArticle | null> {
    const result = await this.db.collection(ARTICLES_COLLECTION).doc(id).get();
    const rows: unknown[] = Array.isArray(result.data) ? result.data : [];
    return rows.length === 0 ? null : normalizeArticle(rows[0]);
  }
}
