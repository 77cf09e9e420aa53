/**
 * Publish one article file into a CloudBase database — the local stack's emulator or a real environment —
 * through core/articles/admin.ts, the same upsert and status rules as the `articles` function.
 * Local images the Markdown (or the cover) names are uploaded to storage under a path made of their content
 * hash, and their cloud:// ids written into the article: running it again with nothing changed uploads
 * nothing and writes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type tcb from '@cloudbase/node-sdk';
import { changeStatus, upsertArticle } from '../../core/articles/admin';
import { ArticlesRepository } from '../../core/articles/repository';
import { ArticleFileError, isLocalPath, localImageReferences, parseArticleFile } from './article-file';

type CloudApp = tcb.CloudBase;

export interface PublishReport {
  id: string;
  /** One line per thing done, in Chinese, for the organiser. */
  lines: string[];
  /** False when nothing at all changed (no upload, no write). */
  changed: boolean;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Upload one local file unless the stored article already refers to these very bytes (its cloud path is
 * made of the content hash, so a cloud:// id ending in it is the same file); answers its cloud:// id.
 */
async function uploadOnce(app: CloudApp, id: string, file: string, stored: string, lines: string[]): Promise<string> {
  const bytes = readFileSync(file);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const cloudPath = `articles/${id}/${hash}${path.extname(file).toLowerCase()}`;
  const known = new RegExp(`cloud://[^\\s)"']*/${escapeRegExp(cloudPath)}`).exec(stored);
  if (known) return known[0];
  const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes });
  lines.push(`上传图片 ${path.basename(file)} -> ${fileID}`);
  return fileID;
}

export async function publishArticleFile(app: CloudApp, file: string): Promise<PublishReport> {
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) throw new ArticleFileError(`找不到文件：${file}`);
  const parsed = parseArticleFile(file, readFileSync(absolute, 'utf8'));
  const { article } = parsed;
  const lines: string[] = [];
  const folder = path.dirname(absolute);
  const repository = new ArticlesRepository(app.database());
  const existing = await repository.findRaw(article.id);
  const stored = existing === null ? '' : `${String(existing.body)}\n${String(existing.cover)}`;

  const uploaded = new Map<string, Promise<string>>();
  const resolveLocal = (href: string): Promise<string> => {
    const local = path.resolve(folder, decodeURI(href));
    if (!existsSync(local)) throw new ArticleFileError(`文中的图片找不到：${href}（相对于 ${file}）`);
    // The cover is often also a photo in the body: one upload.
    if (!uploaded.has(local)) uploaded.set(local, uploadOnce(app, article.id, local, stored, lines));
    return uploaded.get(local)!;
  };
  let body = article.body;
  for (const href of localImageReferences(body)) {
    const fileId = await resolveLocal(href);
    body = body.replace(new RegExp(`\\]\\(\\s*<?${escapeRegExp(href)}>?`, 'g'), `](${fileId}`);
  }
  const cover =
    article.cover !== undefined && isLocalPath(article.cover) ? await resolveLocal(article.cover) : article.cover;

  const version = typeof existing?.version === 'number' ? existing.version : 0;
  const written = await upsertArticle(
    { repository },
    {
      action: 'upsert',
      article: { ...article, body, ...(cover === undefined ? {} : { cover }) },
      ...(existing ? { version } : {}),
    },
  );
  if (existing === null) lines.push(`新建文章 ${article.id}（第 ${written.version} 版）：${article.title}`);
  else if (written.changed) lines.push(`修改文章 ${article.id}：第 ${version} 版 -> 第 ${written.version} 版`);

  let status = written.status;
  if (status !== parsed.status) {
    const moved = await changeStatus({ repository }, article.id, parsed.status);
    status = moved.status;
    lines.push(`${STATUS_VERBS[parsed.status]} ${article.id}（第 ${moved.version} 版）`);
  }
  const changed = lines.length > 0;
  if (!changed) lines.push(`没有变化：${article.id}（第 ${written.version} 版，${STATUS_NAMES[status]}）`);
  return { id: article.id, lines, changed };
}

const STATUS_VERBS = { published: '已发布', draft: '已撤回为草稿', archived: '已归档' } as const;
const STATUS_NAMES = { published: '已发布', draft: '草稿', archived: '已归档' } as const;
