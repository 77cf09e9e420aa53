/** An article with a cloud:// photo: the preview loads it from the emulator's storage, caption beneath. */
import { useE2E } from '../support/e2e';
import { cloudImageArticleFlow } from './flows/cloud-image-article';

describe('云存储图片', () => {
  const e2e = useE2E();
  e2e.flow('文章里的 cloud:// 图片从本地存储显示出来，说明文字在图下；缺失的图片显示占位', cloudImageArticleFlow);
});
