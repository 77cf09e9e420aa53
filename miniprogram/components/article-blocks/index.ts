/**
 * Renders an article body (ArticleBlock[]) with native WXML: selectable text, tap-to-preview
 * photos, and a tidy placeholder where the source names a photo it does not carry (src '').
 * Image srcs arrive already resolved to https by services/articles.ts.
 */
import type { ArticleBlock } from '../../contracts/articles';

Component({
  properties: {
    blocks: { type: Array, value: [] as ArticleBlock[] },
  },
  methods: {
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
