/**
 * An article file as organisers write it: YAML front matter between `---` lines, then the Markdown body.
 * Parsed with `yaml` (eemeli/yaml: YAML 1.2, no dependencies, no install scripts, maintained); the fields
 * are then checked by the very schema the function's upsert uses (core/articles/schemas.ts).
 */
import path from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import {
  ARTICLE_STATUSES,
  type ArticleInput,
  type ArticleStatus,
  type UpsertArticleRequest,
} from '../../miniprogram/contracts/articles';
import { upsertArticleSchema } from '../../core/articles/schemas';
import { parseOrThrow } from '../../core/runtime/validation';

export interface ArticleFile {
  article: ArticleInput & { id: string };
  /** What the front matter asks for; published unless it says otherwise. */
  status: ArticleStatus;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export class ArticleFileError extends Error {}

/** The id an article file stands for: its front matter's `id`, else the file name (letters, digits, - and _). */
function idOf(file: string, given: unknown): string {
  if (typeof given === 'string' && given.trim() !== '') return given.trim();
  const stem = path.basename(file, path.extname(file));
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new ArticleFileError(`无法从文件名生成文章编号：${stem}，请在开头写上 id: 英文编号`);
  return slug;
}

export function parseArticleFile(file: string, source: string): ArticleFile {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new ArticleFileError(`${file}：文件开头缺少 --- 包起来的标题信息（front matter）`);
  let meta: unknown;
  try {
    meta = parseYaml(match[1]);
  } catch (error) {
    throw new ArticleFileError(
      `${file}：标题信息不是有效的 YAML：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new ArticleFileError(`${file}：标题信息应为“字段: 值”的列表`);
  }
  const { id, status, publishedAt, ...fields } = meta as Record<string, unknown>;
  const wanted = status === undefined ? 'published' : status;
  if (!(ARTICLE_STATUSES as readonly unknown[]).includes(wanted)) {
    throw new ArticleFileError(`${file}：status 只能是 ${ARTICLE_STATUSES.join(' / ')}`);
  }
  const article: Record<string, unknown> & { id: string; body: string } = {
    ...fields,
    ...(publishedAt === undefined
      ? {}
      : { publishedAt: publishedAt instanceof Date ? publishedAt.toISOString().slice(0, 10) : publishedAt }),
    id: idOf(file, id),
    body: source.slice(match[0].length),
  };
  // A cover naming a local file is checked once uploaded (publish.ts swaps in its cloud:// id).
  const localCover =
    typeof article.cover === 'string' && isLocalPath(article.cover.trim()) ? article.cover.trim() : null;
  // The function's own rules, so a file the command accepts is one the function accepts.
  const request = parseOrThrow<UpsertArticleRequest>(upsertArticleSchema, {
    action: 'upsert',
    article: localCover === null ? article : { ...article, cover: undefined },
  });
  const checked = { ...request.article, id: article.id, ...(localCover === null ? {} : { cover: localCover }) };
  return { article: checked, status: wanted as ArticleStatus };
}

function imageTokens(tokens: readonly Token[]): Tokens.Image[] {
  const out: Tokens.Image[] = [];
  for (const token of tokens) {
    if (token.type === 'image') out.push(token as Tokens.Image);
    const nested = token as Token & { tokens?: Token[]; items?: Array<{ tokens: Token[] }> };
    if (nested.tokens) out.push(...imageTokens(nested.tokens));
    if (nested.items) for (const item of nested.items) out.push(...imageTokens(item.tokens));
  }
  return out;
}

/** An address with no scheme: a file on this computer, relative to the article file. */
export function isLocalPath(href: string): boolean {
  return href !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(href);
}

/** Image addresses in the body that name a local file (not https://, cloud:// or another scheme). */
export function localImageReferences(body: string): string[] {
  const hrefs = imageTokens(new Lexer().lex(body)).map((token) => token.href.trim());
  return [...new Set(hrefs.filter(isLocalPath))];
}
