// The seed report, rendered by the same rules the function uses: its structure must survive.
import { markdownToBlocks } from '../../../core/articles/markdown';
import { deriveSummary } from '../../../core/articles/summary';
import { normalizeArticle } from '../../../core/articles/read-stored';
import { loadSeedArticles } from '../../../seed/articles';

const [report] = loadSeedArticles(new Date('2024-11-26T08:00:00Z'));
const blocks = markdownToBlocks(report.body);

describe('seed report', () => {
  it('carries the metadata the report prints, and nothing more', () => {
    expect(loadSeedArticles()).toHaveLength(1);
    expect(report).toMatchObject({
      title: '信阳人大:为高水平履职“充电赋能”——全市县乡人大干部履职能力提升培训班侧记',
      source: '河南省人大融媒体中心',
      publishedAt: '2024-11-26',
      status: 'published',
      cover: '',
      byline: { reporters: ['王紫仪'], correspondents: ['曹新俊'], editors: ['李恒'] },
    });
    expect(normalizeArticle(report)).not.toBeNull();
  });

  it('has the three section headings in order', () => {
    expect(blocks.filter((block) => block.type === 'heading')).toEqual([
      { type: 'heading', level: 2, text: '精准选课' },
      { type: 'heading', level: 2, text: '凝聚共识' },
      { type: 'heading', level: 2, text: '互学互促' },
    ]);
  });

  it('opens with the photo placeholder and its caption', () => {
    expect(blocks[0]).toEqual({ type: 'image', src: '', name: '微信图片_20241126155552', caption: '会议现场' });
  });

  it('sets the paragraphs that are wholly a quotation as quotes', () => {
    const quotes = blocks.filter((block) => block.type === 'quote');
    expect(quotes).toHaveLength(3);
    for (const quote of quotes) {
      expect(quote.type === 'quote' && quote.paragraphs.every((p) => p.startsWith('“') && p.endsWith('”'))).toBe(true);
    }
    expect(quotes[0]).toEqual({ type: 'quote', paragraphs: [expect.stringMatching(/^“1954年9月/)] });
    // A quotation followed by who said it stays an ordinary paragraph.
    expect(blocks).toContainEqual({
      type: 'paragraph',
      text: expect.stringMatching(/^“做好新时代基层人大工作.*陶中华在发言中说。$/),
    });
  });

  it('keeps the ellipses as they stand', () => {
    const paragraphs = blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
    expect(paragraphs.filter((text) => text === '……')).toHaveLength(2);
    expect(paragraphs.filter((text) => text === '......')).toHaveLength(1);
    expect(paragraphs.some((text) => text.includes('更加深入人心......”'))).toBe(true);
  });

  it('keeps every paragraph of the report, first to last', () => {
    const paragraphs = blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
    expect(paragraphs[0]).toMatch(/^河南省人大融媒体中心讯\(记者 王紫仪 通讯员 曹新俊\)初冬时节/);
    expect(paragraphs[paragraphs.length - 1]).toMatch(/贡献更多智慧和力量。$/);
    // The report has 28 paragraphs-or-headings after its photo: one block each, none merged or lost.
    expect(blocks).toHaveLength(29);
  });

  it('derives an 80-character summary from the opening paragraph', () => {
    const summary = deriveSummary(blocks);
    expect(Array.from(summary)).toHaveLength(81); // 80 characters and the ellipsis
    expect(summary.startsWith('河南省人大融媒体中心讯')).toBe(true);
    expect(summary.endsWith('…')).toBe(true);
  });
});
