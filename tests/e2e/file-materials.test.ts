/**
 * File materials in the phone: a PDF put into the stack's storage and linked to a lecture opens in
 * the document viewer after a progress bar; a missing or deleted file ends in a Chinese sentence.
 */
import { useE2E } from '../support/e2e';
import { fileDeletedMeanwhileFlow, missingFileFlow, openSlidesFlow, putFileMaterials } from './flows/file-materials';

describe('文件资料', () => {
  const e2e = useE2E();

  beforeAll(() => putFileMaterials(e2e.stack()));

  e2e.flow('学员从日程进入讲座，点开 PDF 课件：先有下载进度，再在文档预览里看到它', openSlidesFlow);
  e2e.flow('文件没有上传的资料：标为暂时无法打开，点开后用中文说明原因', missingFileFlow);
  e2e.flow('打开前文件被删除：下载得到 404，用中文说明', fileDeletedMeanwhileFlow);
});
