/**
 * Renders an article body (ArticleBlock[]) with native WXML: selectable text, bold/italic runs, links
 * whose address a tap copies (a mini-program cannot open web pages), tap-to-preview
 * photos, and a tidy placeholder where the source names a photo it does not carry (src '').
 * Image srcs arrive already resolved to https by services/articles.ts.
 */
import type { ArticleBlock } from '../../contracts/articles';

Component({
  properties: {
    blocks: { type: Array, value: [] as ArticleBlock[] },
  },
  methods: {
    /** A mini-program cannot open arbitrary web pages: copy the address for the reader's browser. */
    onCopyLink(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { href: string }>) {
      const href = event.currentTarget.dataset.href;
      if (!href) return;
      wx.setClipboardData({
        data: href,
        success: () => wx.showToast({ title: '链接已复制，可粘贴到浏览器打开', icon: 'none' }),
      });
    },

    onPreviewImage(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { src: string }>) {
      const current = event.currentTarget.dataset.src;
      const urls = (this.data.blocks as ArticleBlock[]).flatMap((block) =>
        block.type === 'image' && block.src ? [block.src] : [],
      );
      if (!current) return;
      wx.previewImage({ current, urls });
    },
  },
});
