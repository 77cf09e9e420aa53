import { markdownToBlocks } from '../../../core/articles/markdown';

describe('markdownToBlocks', () => {
  it('maps headings, paragraphs, quotes and lists to typed blocks', () => {
    const blocks = markdownToBlocks(
      [
        '# 一级',
        '## 精准选课',
        '### 小节',
        '##### 深层',
        '正文 **加粗** 与 [链接](https://example.com) `代码`',
        '> “第一段”\n>\n> 第二段',
        '- 甲',
        '- 乙 *斜体*',
        '1. 一',
        '2. 二',
      ].join('\n\n'),
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, text: '一级' },
      { type: 'heading', level: 2, text: '精准选课' },
      { type: 'heading', level: 3, text: '小节' },
      { type: 'heading', level: 4, text: '深层' },
      { type: 'paragraph', text: '正文 加粗 与 链接 代码' },
      { type: 'quote', paragraphs: ['“第一段”', '第二段'] },
      { type: 'list', ordered: false, items: ['甲', '乙 斜体'] },
      { type: 'list', ordered: true, items: ['一', '二'] },
    ]);
  });

  it('keeps https:// and cloud:// images, and turns a bare file name into a named placeholder', () => {
    expect(markdownToBlocks('![会议现场](微信图片_20241126155552)')).toEqual([
      { type: 'image', src: '', name: '微信图片_20241126155552', caption: '会议现场' },
    ]);
    expect(markdownToBlocks('![合影](cloud://env-1.abc/photo.jpg)')).toEqual([
      { type: 'image', src: 'cloud://env-1.abc/photo.jpg', name: '', caption: '合影' },
    ]);
    // http:// cannot load in a mini-program: kept as a name, not an address.
    expect(markdownToBlocks('![x](http://example.com/a.png)')).toEqual([
      { type: 'image', src: '', name: 'http://example.com/a.png', caption: 'x' },
    ]);
  });

  it('lifts an image out of a paragraph, keeping the text around it', () => {
    expect(markdownToBlocks('前文 ![图](https://a.example/b.png) 后文')).toEqual([
      { type: 'paragraph', text: '前文' },
      { type: 'image', src: 'https://a.example/b.png', name: '', caption: '图' },
      { type: 'paragraph', text: '后文' },
    ]);
  });

  it('keeps ellipses as typed and decodes character references, dropping inline HTML', () => {
    expect(markdownToBlocks('……\n\n......\n\nA &amp; B <b>粗</b> &#x4E2D;')).toEqual([
      { type: 'paragraph', text: '……' },
      { type: 'paragraph', text: '......' },
      { type: 'paragraph', text: 'A & B 粗 中' },
    ]);
  });

  it('returns no blocks for empty or whitespace-only bodies', () => {
    expect(markdownToBlocks('')).toEqual([]);
    expect(markdownToBlocks('  \n\n ---\n')).toEqual([]);
  });
});
