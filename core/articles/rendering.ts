/**
 * What readers need, computed once when an article is written (and, for a document typed by hand in the
 * console, when it is read): the typed blocks, the summary and the plain text that keyword search runs over.
 * Also the content hash of what an organiser wrote, so writing the same article again changes nothing.
 */
import { createHash } from 'node:crypto';
import type { ArticleBlock } from '../../miniprogram/contracts/articles';
import type { NormalizedArticle } from './read-stored';
import type { RenderedArticle } from './stored';
import { markdownToBlocks } from './markdown';
import { summaryOf } from './summary';

/** A short, stable fingerprint (hex) of any JSON-able value. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);
}

function blockText(block: ArticleBlock): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'quote':
      return block.paragraphs.join('\n');
    case 'list':
      return block.items.join('\n');
    case 'image':
      return block.caption;
  }
}

export function renderArticle(body: string, givenSummary: string): RenderedArticle {
  const blocks = markdownToBlocks(body);
  return {
    bodyHash: hashOf(body),
    blocks,
    summary: summaryOf(givenSummary, blocks),
    text: blocks.map(blockText).join('\n'),
  };
}

/**
 * The stored rendering when it was computed from this very body and summary; otherwise (a document made or
 * edited by hand in the console) a fresh one, and a warning in the function's log so the organiser's edit
 * can be re-saved through the function or the publish command.
 */
export function renderingOf(article: NormalizedArticle): RenderedArticle {
  const stored = article.rendered;
  const expectedSummary = article.summary;
  if (
    stored !== null &&
    stored.bodyHash === hashOf(article.body) &&
    (expectedSummary === '' || stored.summary === expectedSummary)
  ) {
    return stored;
  }
  console.warn(
    `[articles] ${article._id}: 文档缺少预先计算的正文（或已在控制台手工修改），本次读取时计算；请通过发布命令或 upsert 重新保存`,
  );
  return renderArticle(article.body, article.summary);
}
