/**
 * An article whose photo lives in cloud storage (`![说明](cloud://…)`), as organisers publish one:
 * the picture is put into the stack's storage and the article into the database through the real
 * node-sdk. The reader sees the photo (loaded from the emulator through wx.cloud.getTempFileURL)
 * with its caption beneath, and the placeholder for a photo whose file is missing.
 *
 * Test data (the title says so), never seed data: the course report carries no photo.
 */
import type { E2EStack, Phone } from '../../support/e2e';
import { SMALL_PNG } from '../fixtures/files';

export const PHOTO_ARTICLE_ID = 'e2e-cloud-photo-article';
export const PHOTO_ARTICLE_TITLE = '测试文章：云存储里的图片';
export const PHOTO_CAPTION = '测试图片的说明文字';
export const MISSING_PHOTO_CAPTION = '文件缺失的测试图片';

const PHOTO_PATH = 'e2e/photo.png';

export async function putPhotoArticle(stack: E2EStack): Promise<void> {
  const photoId = await stack.putFile(PHOTO_PATH, SMALL_PNG);
  const missingId = photoId.replace(PHOTO_PATH, 'e2e/not-uploaded.png');
  await stack.db
    .collection('articles')
    .doc(PHOTO_ARTICLE_ID)
    .set({
      title: PHOTO_ARTICLE_TITLE,
      source: '端到端测试',
      publishedAt: '2024-11-26',
      byline: { reporters: [], correspondents: [], editors: [] },
      status: 'published',
      cover: photoId,
      body: [
        '这是端到端测试放入的文章。',
        `![${PHOTO_CAPTION}](${photoId})`,
        '图片之后的一段。',
        `![${MISSING_PHOTO_CAPTION}](${missingId})`,
      ].join('\n\n'),
      updatedAt: new Date().toISOString(),
    });
}

export async function cloudImageArticleFlow(phone: Phone, stack: E2EStack): Promise<void> {
  await putPhotoArticle(stack);
  await phone.openApp({ identity: 'visitor', path: `/reading/article/index?id=${PHOTO_ARTICLE_ID}` });
  await phone.expectRoute('reading/article/index');
  await phone.expectText(PHOTO_ARTICLE_TITLE);

  // The emulator's signed address stands in for WeChat's temporary https address.
  const photo = phone.currentPage.locator(`img[src^="${stack.emulatorUrl.replace(/\/$/, '')}/storage/${PHOTO_PATH}?"]`);
  await photo.waitFor({ state: 'visible' });
  await phone.page.waitForFunction(
    (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
    await photo.elementHandle(),
  );
  expect(await photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(16);

  const caption = phone.currentPage.getByText(PHOTO_CAPTION, { exact: true });
  await caption.waitFor({ state: 'visible' });
  const photoBox = await photo.boundingBox();
  const captionBox = await caption.boundingBox();
  expect(photoBox!.height).toBeGreaterThan(0);
  // The caption sits beneath the photo, centred under it.
  expect(captionBox!.y).toBeGreaterThanOrEqual(photoBox!.y + photoBox!.height - 1);
  const centre = (box: { x: number; width: number }) => box.x + box.width / 2;
  expect(Math.abs(centre(captionBox!) - centre(photoBox!))).toBeLessThan(4);

  // A photo whose file was never uploaded: the placeholder with its caption, no broken image.
  await phone.scrollToText(MISSING_PHOTO_CAPTION);
  await phone.expectText('图片暂缺');
  expect(await phone.currentPage.locator('img[src*="not-uploaded"]').count()).toBe(0);
}
