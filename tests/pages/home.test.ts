import type { ArticleSummary, ListArticlesResponse } from '../../miniprogram/contracts/articles';
import { installMiniprogram, openPage, select, selectAll, settle, tap, text } from '../support/simulate';

function summary(id: string, title: string): ArticleSummary {
  return { id, title, source: '河南省人大融媒体中心', publishedAt: '2024-11-20', summary: '', cover: '' };
}

function page(items: ArticleSummary[], nextCursor: string | null = null) {
  return { ok: true, data: { items, nextCursor } satisfies ListArticlesResponse };
}

describe('首页', () => {
  test('shows the course banner and the articles the service returns', async () => {
    const harness = installMiniprogram({ cloud: () => page([summary('a1', '信阳举办县乡人大干部培训班')]) });
    const home = await openPage('pages/home/index');

    expect(text(select(home, '.banner'))).toContain('信阳全市县乡人大干部履职能力提升培训班');
    expect(text(select(home, '.banner'))).toContain('2024年11月18日—20日');
    expect(text(select(home, '.banner'))).toContain('大别山干部学院');
    const items = selectAll(home, '.article-item');
    expect(items).toHaveLength(1);
    expect(text(items[0])).toContain('信阳举办县乡人大干部培训班');
    expect(text(items[0])).toContain('2024-11-20');
    expect(text(items[0])).toContain('河南省人大融媒体中心');
    expect(harness.cloudCalls).toEqual([{ name: 'articles', data: { action: 'list' } }]);

    await tap(items[0]);
    expect(harness.navigations).toEqual([{ kind: 'navigateTo', url: '/reading/article/index?id=a1' }]);
  });
});
