/**
 * The `articles` collection through @cloudbase/node-sdk. Reads return documents after the forgiving read
 * (read-stored.ts); what the database holds is never trusted to be well-formed. Every query here has its
 * index in core/database/collections.ts.
 */
import { STUDY_NOTE_CATEGORY, type ArticleStatus } from '../../miniprogram/contracts/articles';
import { COLLECTIONS } from '../database/collections';
import type { Database } from '../runtime/cloud';
import { normalizeArticle, type NormalizedArticle } from './read-stored';
import type { ArticleDocument } from './stored';
import type { ListPosition } from './sort-key';

export interface PublishedFilter {
  /** One category; absent: every category but study notes. */
  category?: string;
  /** Keyword, taken literally, matched case-insensitively. */
  q?: string;
}

export interface PublishedPage {
  articles: NormalizedArticle[];
  /** Where the next page starts; null when this page reached the end. */
  next: ListPosition;
}

/** Heavy fields the list never shows: left in the database. */
const LIST_PROJECTION = { body: false, 'rendered.blocks': false, 'rendered.text': false };

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rows(result: { data?: unknown }): unknown[] {
  return Array.isArray(result.data) ? result.data : [];
}

function readable(raw: unknown[]): NormalizedArticle[] {
  return raw.map(normalizeArticle).filter((article): article is NormalizedArticle => article !== null);
}

export class ArticlesRepository {
  constructor(private readonly db: Database) {}

  private get collection() {
    return this.db.collection(COLLECTIONS.articles);
  }

  /** The conditions every reader's query shares: published, the category, the keyword. */
  private publishedWhere(filter: PublishedFilter): object[] {
    const _ = this.db.command;
    const conditions: object[] = [
      {
        status: 'published',
        // Lecture study notes (category 学习笔记) are read from the course materials, not listed.
        category: filter.category === undefined ? _.neq(STUDY_NOTE_CATEGORY) : filter.category,
      },
    ];
    if (filter.q !== undefined && filter.q !== '') {
      const pattern = this.db.RegExp({ regexp: escapeRegExp(filter.q), options: 'i' });
      conditions.push(
        _.or([
          { title: pattern },
          { summary: pattern },
          { 'rendered.summary': pattern },
          { 'rendered.text': pattern },
          // A document typed by hand has no plain text yet: its Markdown is searched as typed.
          { rendered: _.exists(false), body: pattern },
        ]),
      );
    }
    return conditions;
  }

  private async query(conditions: object[], order: 'sortKey' | '_id', limit: number) {
    const _ = this.db.command;
    const result = await this.collection
      .where(_.and(conditions))
      .field(LIST_PROJECTION)
      .orderBy(order, 'desc')
      .limit(limit)
      .get();
    return rows(result);
  }

  /**
   * Published articles in list order from `position`: first every document with a sort key (pinned, newest),
   * then those made by hand without one (newest id first). One extra row tells whether a next page exists.
   */
  async listPublished(filter: PublishedFilter, position: ListPosition, limit: number): Promise<PublishedPage> {
    const _ = this.db.command;
    const base = this.publishedWhere(filter);
    const found: Array<{ raw: unknown; phase: 'key' | 'id' }> = [];
    if (position === null || 'key' in position) {
      const keyed = await this.query(
        [...base, { sortKey: position === null ? _.exists(true) : _.lt(position.key) }],
        'sortKey',
        limit + 1,
      );
      found.push(...keyed.map((raw) => ({ raw, phase: 'key' as const })));
    }
    if (found.length <= limit) {
      const idBelow = position !== null && 'idBelow' in position ? position.idBelow : null;
      const unkeyed = await this.query(
        [...base, { sortKey: _.exists(false) }, ...(idBelow === null ? [] : [{ _id: _.lt(idBelow) }])],
        '_id',
        limit + 1 - found.length,
      );
      found.push(...unkeyed.map((raw) => ({ raw, phase: 'id' as const })));
    }
    const shown = found.slice(0, limit);
    const last = shown[shown.length - 1];
    let next: ListPosition = null;
    if (found.length > limit && last) {
      const record = last.raw as { _id: string; sortKey: string };
      next = last.phase === 'key' ? { key: record.sortKey } : { idBelow: record._id };
    }
    return { articles: readable(shown.map((row) => row.raw)), next };
  }

  /** The published neighbours of a sort key in list order: the one above (newer) and the one below (older). */
  async neighbours(key: string): Promise<{ previous: NormalizedArticle | null; next: NormalizedArticle | null }> {
    const [previous, next] = await Promise.all([this.nearest(key, 'above'), this.nearest(key, 'below')]);
    return { previous, next };
  }

  /** The published article whose sort key is nearest to `key` on one side (title only). */
  private async nearest(key: string, side: 'above' | 'below'): Promise<NormalizedArticle | null> {
    const _ = this.db.command;
    const result = await this.collection
      .where(_.and([...this.publishedWhere({}), { sortKey: side === 'above' ? _.gt(key) : _.lt(key) }]))
      .field({ title: true, status: true, sortKey: true })
      .orderBy('sortKey', side === 'above' ? 'asc' : 'desc')
      .limit(1)
      .get();
    return readable(rows(result))[0] ?? null;
  }

  /** One article by id, whatever its status (the caller decides what drafts mean); null when missing or unreadable. */
  async findById(id: string): Promise<NormalizedArticle | null> {
    const found = await this.findRaw(id);
    return found === null ? null : normalizeArticle(found);
  }

  /** The stored document as it is, or null: an organiser may overwrite one too broken to read. */
  async findRaw(id: string): Promise<Record<string, unknown> | null> {
    const found = rows(await this.collection.doc(id).get())[0];
    return found !== null && typeof found === 'object' ? (found as Record<string, unknown>) : null;
  }

  /** A new document under the given id; false when that id is already taken (someone created it meanwhile). */
  async insert(document: ArticleDocument): Promise<boolean> {
    const { _id, ...fields } = document;
    try {
      await this.collection.add({ _id, ...fields });
      return true;
    } catch (error) {
      if ((await this.findRaw(_id)) !== null) return false;
      throw error;
    }
  }

  /**
   * Replace the document's fields only if its `version` still holds exactly what the writer read
   * (`storedVersion`: the raw field). A document never written through the function has none and matches
   * "missing"; one typed by hand with an unreadable version ("3", -1, 1.5) matches that very value, so it
   * can be saved once and then carries the integer version the write sets. False when someone wrote in between.
   */
  async updateIfVersion(
    id: string,
    storedVersion: unknown,
    fields: Partial<Omit<ArticleDocument, '_id'>>,
  ): Promise<boolean> {
    const _ = this.db.command;
    const result = await this.collection
      .where({ _id: id, version: sameValue(_, storedVersion) })
      .update(fields as unknown as Record<string, unknown>);
    return (result as { updated?: number }).updated === 1;
  }

  /** The organisers' list: every article (or one status), last edited first, `limit` from `offset`. */
  async listAll(status: ArticleStatus | undefined, offset: number, limit: number) {
    const query = this.collection.where(status === undefined ? {} : { status });
    const result = await query
      .field(LIST_PROJECTION)
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .skip(offset)
      .limit(limit + 1)
      .get();
    const found = rows(result);
    return { raw: found.slice(0, limit), hasMore: found.length > limit };
  }
}

/**
 * The condition "the field still holds `stored`": missing matches missing, a date or a plain value matches
 * itself. An object (no condition can name it exactly: it would be read as a query on its sub-fields)
 * matches any present value, so even such a document can be saved once and normalised.
 */
function sameValue(_: { exists(present: boolean): unknown }, stored: unknown): unknown {
  if (stored === undefined) return _.exists(false);
  if (stored instanceof Date || stored === null || typeof stored !== 'object') return stored;
  return _.exists(true);
}
