// The article page holding the course report, rendered by miniprogram-simulate: it shows the whole report,
// and (when `npm run bench` asks, through BENCH_ARTICLE_IN / BENCH_ARTICLE_OUT) its setData payload and
// node count are written for scripts/bench/articles.ts to judge against the targets.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withReaderFields } from '../../../core/articles/admin';
import { normalizeArticle } from '../../../core/articles/read-stored';
import { renderingOf } from '../../../core/articles/rendering';
import type { Article } from '../../../miniprogram/contracts/articles';
import { loadSeedArticles } from '../../../seed/articles';
import { installMiniprogram, openPage, selectAll } from '../../support/simulate';

/** The report as `get` answers it: from the bench's real call when given, else built by the same core code. */
function reportArticle(): Article {
  const given = process.env.BENCH_ARTICLE_IN;
  if (given) return (JSON.parse(readFileSync(given, 'utf8')) as { data: { article: Article } }).data.article;
  const stored = normalizeArticle(withReaderFields(loadSeedArticles()[0]))!;
  const rendering = renderingOf(stored);
  return {
    id: stored._id,
    title: stored.title,
    source: stored.source,
    publishedAt: stored.publishedAt,
    summary: rendering.summary,
    cover: stored.cover,
    pinned: false,
    byline: stored.byline,
    blocks: rendering.blocks,
    updatedAt: stored.updatedAt,
    previous: null,
    next: null,
  };
}

interface DomNode {
  querySelectorAll(selector: string): { length: number };
}

test('the article page renders the whole course report', async () => {
  const article = reportArticle();
  installMiniprogram({ cloud: () => ({ ok: true, data: { article } }) });
  const page = await openPage('reading/article/index', { id: article.id });
  const headings = article.blocks.filter((block) => block.type === 'heading').length;
  expect(headings).toBeGreaterThan(0);
  expect(selectAll(page, '.article-blocks')).toHaveLength(1);

  // The one big setData is show(): these four fields, as set.
  const { status, bylines, savedCopy } = page.data as Record<string, unknown>;
  const largestSetData = Buffer.byteLength(JSON.stringify({ status, article: page.data.article, bylines, savedCopy }));
  const nodes = (page.dom as DomNode).querySelectorAll('*').length;
  expect(nodes).toBeGreaterThan(article.blocks.length);
  const out = process.env.BENCH_ARTICLE_OUT;
  if (out) writeFileSync(path.resolve(out), JSON.stringify({ largestSetData, nodes }));
});
