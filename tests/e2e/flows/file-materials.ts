/**
 * File materials end to end: test data put in through the real node-sdk (a PDF in storage, materials
 * naming it in the database, linked to the first lecture), then a trainee opens 日程 → 待定 → the
 * lecture and taps the file: a progress bar while it downloads, then the phone's document viewer.
 * Failures end in the Chinese sentence under the item and in a dialog.
 *
 * The data is test data (titles say so), never seed data: the course report names no slides.
 */
import { COLLECTIONS } from '../../../core/database/collections';
import type { E2EStack, Phone } from '../../support/e2e';
import { onePagePdf } from '../fixtures/files';
import { FIRST_LECTURE } from './training';

/** The lecture of FIRST_LECTURE in seed/training/sessions.json. */
const LECTURE_ID = 'lecture-wu-wenyi';

export const SLIDES_TITLE = '测试课件（端到端测试放入）';
export const SLIDES_TEXT = 'Lvzhi e2e slides';
export const MISSING_TITLE = '测试课件（文件未上传）';
export const DELETED_TITLE = '测试课件（打开前被删除）';

const SLIDES_PATH = 'e2e/测试课件.pdf';
const DELETED_PATH = 'e2e/将被删除.pdf';

const FILE_MATERIAL = { kind: 'file', label: '课件', sessionId: LECTURE_ID, fileType: 'pdf' } as const;

/** Puts the slides PDF into storage and two file materials of the first lecture into the database. */
export async function putFileMaterials(stack: E2EStack): Promise<void> {
  const slides = onePagePdf(SLIDES_TEXT);
  const slidesFileId = await stack.putFile(SLIDES_PATH, slides);
  const materials = stack.db.collection(COLLECTIONS.trainingMaterials);
  await materials
    .doc('e2e-slides')
    .set({ ...FILE_MATERIAL, title: SLIDES_TITLE, fileId: slidesFileId, size: slides.length, order: 1 });
  await materials.doc('e2e-missing').set({
    ...FILE_MATERIAL,
    title: MISSING_TITLE,
    // The path an organiser typed, with nothing uploaded there.
    fileId: slidesFileId.replace(SLIDES_PATH, 'e2e/没有上传.pdf'),
    order: 2,
  });
}

/** A trainee of group 1 on the first lecture's page (reached as a person would: 日程 → 待定 → the lecture). */
export async function openLectureAsTrainee(phone: Phone): Promise<void> {
  await phone.openApp({ identity: 'trainee-g1' });
  await phone.tapTab('日程');
  await phone.expectRoute('pages/schedule/index');
  await phone.tapText('待定');
  await phone.tapText(FIRST_LECTURE);
  await phone.expectRoute('training/session/index');
  await phone.expectText('学习资料');
}

/**
 * Taps the slides with their download held back, so the progress bar is seen for certain (a local
 * download of a few hundred bytes is over before a person could look), then lets it through and
 * checks the document viewer holds exactly the uploaded PDF.
 */
export async function openSlidesFlow(phone: Phone): Promise<void> {
  await openLectureAsTrainee(phone);
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let downloads = 0;
  await phone.page.route('**/storage/**', async (route) => {
    downloads += 1;
    await released;
    await route.continue();
  });

  await phone.scrollToText(SLIDES_TITLE);
  await phone.tapText(SLIDES_TITLE);
  await phone.expectText('正在下载 0%');
  expect(downloads).toBe(1);
  release();

  const viewer = phone.overlays.locator('.wxp-document-viewer');
  await viewer.waitFor({ state: 'visible' });
  await phone.expectOverlayText('文档预览 · pdf');
  await phone.expectNoText('正在下载');
  const src = await viewer.locator('iframe').getAttribute('src');
  expect(src).toMatch(/^blob:/);
  const shown = await phone.page.evaluate(
    async (url) => new TextDecoder('latin1').decode(await (await fetch(url)).arrayBuffer()),
    src!,
  );
  expect(shown.startsWith('%PDF-1.4')).toBe(true);
  expect(shown).toContain(`(${SLIDES_TEXT}) Tj`);

  await phone.tapOverlayButton('关闭');
  await viewer.waitFor({ state: 'detached' });
  await phone.expectRoute('training/session/index');
}

/** A material whose file was never uploaded: marked unavailable, and tapping it explains why in Chinese. */
export async function missingFileFlow(phone: Phone): Promise<void> {
  await openLectureAsTrainee(phone);
  await phone.scrollToText(MISSING_TITLE);
  const item = phone.currentPage.getByRole('button', { name: new RegExp(`^${MISSING_TITLE}`) });
  await item.getByText('暂时无法打开').waitFor({ state: 'visible' });
  await phone.tapText(MISSING_TITLE);
  await phone.expectOverlayText('无法打开资料');
  await phone.expectOverlayText('文件暂时无法获取，请下拉刷新后重试');
  await phone.tapOverlayButton('知道了');
  // The sentence stays under the item after the dialog is gone.
  await phone.expectText('文件暂时无法获取，请下拉刷新后重试');
  expect(await phone.overlays.locator('.wxp-document-viewer').count()).toBe(0);
}

/**
 * The file is deleted from storage after the lecture's page got its address (an organiser removing
 * it meanwhile): the download answers 404 and the reader is told so in Chinese. Puts its own
 * material in, so it does not depend on the other flows.
 */
export async function fileDeletedMeanwhileFlow(phone: Phone, stack: E2EStack): Promise<void> {
  const fileId = await stack.putFile(DELETED_PATH, onePagePdf('to be deleted'));
  await stack.db
    .collection(COLLECTIONS.trainingMaterials)
    .doc('e2e-deleted')
    .set({ ...FILE_MATERIAL, title: DELETED_TITLE, fileId, order: 3 });
  await openLectureAsTrainee(phone);
  await phone.scrollToText(DELETED_TITLE);
  const { fileList } = await stack.app.deleteFile({ fileList: [fileId] });
  expect(fileList[0]?.code).toBe('SUCCESS');
  await phone.tapText(DELETED_TITLE);
  await phone.expectOverlayText('文件下载失败（服务器返回 404），请稍后重试');
  await phone.tapOverlayButton('知道了');
  await phone.expectText('文件下载失败（服务器返回 404），请稍后重试');
}
