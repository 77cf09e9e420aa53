import { markdownToBlocks, safeLinkAddress } from '../../../core/articles/markdown';

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
      {
        type: 'paragraph',
        text: '正文 加粗 与 链接 代码',
        spans: [
          { text: '正文 ' },
          { text: '加粗', bold: true },
          { text: ' 与 ' },
          { text: '链接', href: 'https://example.com' },
          { text: ' 代码' },
        ],
      },
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

  describe('inline formatting', () => {
    it('keeps bold, italic and nested styles as runs; a plain paragraph has no runs', () => {
      expect(markdownToBlocks('**重点** 与 *强调* 与 ***两者***')).toEqual([
        {
          type: 'paragraph',
          text: '重点 与 强调 与 两者',
          spans: [
            { text: '重点', bold: true },
            { text: ' 与 ' },
            { text: '强调', italic: true },
            { text: ' 与 ' },
            { text: '两者', bold: true, italic: true },
          ],
        },
      ]);
      expect(markdownToBlocks('平常的一段。')).toEqual([{ type: 'paragraph', text: '平常的一段。' }]);
    });

    it('writes a link address after its words where runs are not kept (lists, quotes)', () => {
      expect(markdownToBlocks('- 见[通知](https://rd.example/n)')).toEqual([
        { type: 'list', ordered: false, items: ['见通知（https://rd.example/n）'] },
      ]);
    });
  });

  describe('unsafe input is inert or dropped', () => {
    it('drops a <script> block and inline tags entirely', () => {
      const blocks = markdownToBlocks('<script>alert(1)</script>\n\n正文<script>alert(2)</script>结束');
      expect(JSON.stringify(blocks)).not.toMatch(/script|alert/);
      expect(blocks).toEqual([{ type: 'paragraph', text: '正文结束' }]);
    });

    it('drops <img onerror> whether it stands alone or inside a paragraph', () => {
      expect(markdownToBlocks('<img src=x onerror="alert(1)">')).toEqual([]);
      const blocks = markdownToBlocks('前<img src=x onerror=alert(1)>后');
      expect(JSON.stringify(blocks)).not.toMatch(/onerror|alert/);
      expect(blocks).toEqual([{ type: 'paragraph', text: '前后' }]);
    });

    it('shows escaped markup as literal text (WXML text is never parsed as HTML)', () => {
      expect(markdownToBlocks('&lt;script&gt;x&lt;/script&gt;')).toEqual([
        { type: 'paragraph', text: '<script>x</script>' },
      ]);
    });

    it.each([
      '[点我](javascript:alert(1))',
      '[点我](JavaScript:alert(1))',
      '[点我](  javascript:alert(1))',
      '[点我](data:text/html;base64,PHNjcmlwdD4=)',
      '[点我](vbscript:msgbox)',
      '[点我](/relative/path)',
    ])('keeps only the words of %s', (markdown) => {
      const blocks = markdownToBlocks(markdown);
      expect(blocks).toEqual([{ type: 'paragraph', text: '点我' }]);
    });

    it('a link disguised with a tab is not a link at all: inert text, no address', () => {
      const blocks = markdownToBlocks('[点我](java\tscript:alert(1))');
      expect(JSON.stringify(blocks)).not.toContain('href');
      expect(blocks).toEqual([{ type: 'paragraph', text: '[点我](java\tscript:alert(1))' }]);
    });

    it('keeps http, https and mailto links', () => {
      expect(safeLinkAddress('https://npc.gov.cn/a')).toBe('https://npc.gov.cn/a');
      expect(safeLinkAddress('http://npc.gov.cn/a')).toBe('http://npc.gov.cn/a');
      expect(safeLinkAddress('mailto:office@example.org')).toBe('mailto:office@example.org');
      expect(safeLinkAddress('javascript:alert(1)')).toBe('');
    });

    it('an image with a javascript: source is a placeholder without the address', () => {
      expect(markdownToBlocks('![图](javascript:alert(1))')).toEqual([
        { type: 'image', src: '', name: '', caption: '图' },
      ]);
    });
  });
});
