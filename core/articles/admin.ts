/**
 * What organisers do with articles (upsert, publish, unpublish, archive, listAll), independent of how they
 * are invoked: the `articles` function and the publish command (scripts/publish.ts) both call these, so
 * the rules exist once.
 *
 * Concurrency: every write is a conditional update on the version the writer read
 * (`where({_id, version}).update(...)`); a write that finds another version answers CONFLICT instead of
 * overwriting someone else's edit. No transactions needed: one document, one condition.
 */
import { randomUUID } from 'node:crypto';
import {
  ARTICLE_MESSAGES,
  type ArticleAdminItem,
  type ArticleInput,
  type ArticleStatus,
  type ArticleWriteResponse,
  type ListAllArticlesRequest,
  type ListAllArticlesResponse,
  type UpsertArticleRequest,
} from '../../miniprogram/contracts/articles';
import { shanghaiClock } from '../../miniprogram/lib/datetime';
import { text } from '../runtime/stored-fields';
import { AppError } from '../runtime/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { normalizeArticle, type NormalizedArticle } from './read-stored';
import type { ArticleDocument } from './stored';
import { hashOf, renderArticle, renderingOf } from './rendering';
import type { ArticlesRepository } from './repository';
import { sortKeyOf } from './sort-key';

export interface AdminDeps {
  repository: ArticlesRepository;
  now?: () => Date;
}

const ADMIN_PAGE_SIZE = 20;

/** A stored document too broken to read (normalizeArticle): any field may be the cause, not only the title. */
const INCOMPLETE_ARTICLE = '文章内容不完整，请在控制台检查后重新保存';

/** What the organiser wrote, every optional field filled, in one fixed shape (so its hash is stable). */
function writtenFields(input: ArticleInput) {
  return {
    title: input.title.trim(),
    summary: (input.summary ?? '').trim(),
    category: input.category ?? '',
    source: (input.source ?? '').trim(),
    byline: {
      reporters: input.byline?.reporters ?? [],
      correspondents: input.byline?.correspondents ?? [],
      editors: input.byline?.editors ?? [],
    },
    cover: (input.cover ?? '').trim(),
    body: input.body,
    pinned: input.pinned === true,
    publishedAt: input.publishedAt ?? '',
  };
}

/**
 * The version field as the organisers' client is told it: a document never written through the function
 * has none, and one typed by hand may hold something unreadable ("3", -1): both 0. The conditional write
 * matches the raw field itself (repository.updateIfVersion), so such a document is saved once and then
 * holds an integer version.
 */
function storedVersion(raw: Record<string, unknown>): number {
  const value = raw.version;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

function response(id: string, version: number, status: ArticleStatus, changed: boolean): ArticleWriteResponse {
  return { id, version, status, changed };
}

/** The whole stored document for what the organiser wrote, keeping where the article stands (status, first publication). */
function documentFor(
  id: string,
  input: ArticleInput,
  previous: NormalizedArticle | null,
  version: number,
  now: Date,
): ArticleDocument {
  const written = writtenFields(input);
  const publishedAt = written.publishedAt !== '' ? written.publishedAt : (previous?.publishedAt ?? '');
  const publishedTime = previous?.publishedTime ?? '';
  return {
    _id: id,
    ...written,
    publishedAt,
    status: previous?.status ?? 'draft',
    updatedAt: now.toISOString(),
    version,
    publishedTime,
    contentHash: hashOf(written),
    sortKey: sortKeyOf({ id, pinned: written.pinned, publishedTime, publishedAt }),
    rendered: renderArticle(written.body, written.summary),
  };
}

export async function upsertArticle(
  { repository, now = () => new Date() }: AdminDeps,
  request: UpsertArticleRequest,
): Promise<ArticleWriteResponse> {
  const input = request.article;
  if (input.id === undefined) {
    const id = randomUUID().replace(/-/g, '');
    await repository.insert(documentFor(id, input, null, 1, now()));
    return response(id, 1, 'draft', true);
  }
  const id = input.id;
  const raw = await repository.findRaw(id);
  if (raw === null) {
    // A chosen id (the publish command names its articles): created on first write.
    if (!(await repository.insert(documentFor(id, input, null, 1, now())))) {
      throw new AppError('CONFLICT', ARTICLE_MESSAGES.staleVersion);
    }
    return response(id, 1, 'draft', true);
  }
  const version = storedVersion(raw);
  if (request.version === undefined) throw new AppError('CONFLICT', ARTICLE_MESSAGES.versionRequired);
  if (request.version !== version) throw new AppError('CONFLICT', ARTICLE_MESSAGES.staleVersion);
  // A document too broken to read (a number as its title) may still be overwritten by a good one.
  const previous = normalizeArticle(raw);
  const status = previous?.status ?? 'draft';
  if (previous !== null && previous.contentHash === hashOf(writtenFields(input))) {
    return response(id, version, status, false);
  }
  const { _id, ...fields } = documentFor(id, input, previous, version + 1, now());
  if (!(await repository.updateIfVersion(_id, raw.version, fields))) {
    throw new AppError('CONFLICT', ARTICLE_MESSAGES.staleVersion);
  }
  return response(id, version + 1, status, true);
}

/** publish / unpublish / archive: move an article to `target`, on the version just read. */
export async function changeStatus(
  { repository, now = () => new Date() }: AdminDeps,
  id: string,
  target: ArticleStatus,
): Promise<ArticleWriteResponse> {
  const raw = await repository.findRaw(id);
  if (raw === null) throw new AppError('NOT_FOUND', ARTICLE_MESSAGES.adminNotFound);
  const article = normalizeArticle(raw);
  if (article === null) throw new AppError('INVALID_ARGUMENT', INCOMPLETE_ARTICLE);
  const version = storedVersion(raw);
  if (article.status === target) return response(id, version, target, false);
  const at = now();
  const fields: Partial<Omit<ArticleDocument, '_id'>> = {
    status: target,
    version: version + 1,
    updatedAt: at.toISOString(),
  };
  if (target === 'published') {
    // The first publication fixes the article's place in the list; publishing again later keeps it.
    const publishedTime = article.publishedTime !== '' ? article.publishedTime : at.toISOString();
    const publishedAt = article.publishedAt !== '' ? article.publishedAt : shanghaiClock(at.getTime()).date;
    Object.assign(fields, {
      publishedTime,
      publishedAt,
      sortKey: sortKeyOf({ id, pinned: article.pinned, publishedTime, publishedAt }),
    });
    // A document typed by hand gets what readers need computed now, once (a stored one is not sent again).
    const rendering = renderingOf(article);
    if (rendering !== article.rendered) fields.rendered = rendering;
  }
  if (!(await repository.updateIfVersion(id, raw.version, fields))) {
    throw new AppError('CONFLICT', ARTICLE_MESSAGES.staleVersion);
  }
  return response(id, version + 1, target, true);
}

function adminItem(raw: unknown): ArticleAdminItem | null {
  if (raw === null || typeof raw !== 'object') return null;
  const record = raw as Record<string, unknown>;
  const id = text(record._id);
  if (id === '') return null;
  // Organisers see even a document too broken for readers, so they can find and fix it.
  const article = normalizeArticle(record);
  return {
    id,
    title: article?.title ?? '（无标题）',
    status: article?.status ?? 'draft',
    category: article?.category ?? '',
    pinned: article?.pinned ?? false,
    publishedAt: article?.publishedAt ?? '',
    updatedAt: article?.updatedAt ?? '',
    version: storedVersion(record),
    contentHash: article?.contentHash ?? '',
  };
}

export async function listAllArticles(
  { repository }: AdminDeps,
  request: ListAllArticlesRequest,
): Promise<ListAllArticlesResponse> {
  const offset = decodeCursor(request.cursor);
  const page = await repository.listAll(request.status, offset, ADMIN_PAGE_SIZE);
  return {
    items: page.raw.map(adminItem).filter((item): item is ArticleAdminItem => item !== null),
    nextCursor: page.hasMore ? encodeCursor(offset + ADMIN_PAGE_SIZE) : null,
  };
}

/**
 * A complete document (as the seed or a console import file holds it) with what readers need computed, as
 * if it had been written through upsert: seeded articles are served without a parse on every read.
 */
export function withReaderFields(document: ArticleDocument): ArticleDocument {
  const publishedTime = document.publishedTime ?? '';
  const rendered = renderArticle(document.body, document.summary ?? '');
  return {
    ...document,
    version: document.version ?? 1,
    publishedTime,
    sortKey: sortKeyOf({
      id: document._id,
      pinned: document.pinned === true,
      publishedTime,
      publishedAt: document.publishedAt,
    }),
    rendered,
  };
}
