/** Articles end to end: published with the publish command, found and read in the preview, in light and dark. */
import { useE2E } from '../support/e2e';
import { publishArticleFlow } from './flows/publish-article';

describe('文章', () => {
  const e2e = useE2E();
  e2e.flow('组织者用 npm run publish 发布示例文章，读者在分类里找到并阅读，深色模式下同样可读', publishArticleFlow);
});
