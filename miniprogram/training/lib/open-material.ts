/**
 * Opening a material on the phone: an article goes to the article reader; a file is downloaded from its
 * temporary address (wx.downloadFile, with progress) and shown by wx.openDocument. Every failure ends
 * in a Chinese sentence the reader can act on, never in an exception.
 */
import { isOpenableFileType, type MaterialView, type OpenableFileType } from '../../contracts/training';
import { articlePage } from '../../shell/routes';

export type OpenResult = { ok: true } | { ok: false; message: string };

export const OPEN_MESSAGES = {
  noAddress: '文件暂时无法获取，请下拉刷新后重试',
  unsupportedType: '手机暂不支持打开这种文件，请在电脑上查看',
  downloadFailed: '文件下载失败，请检查网络后重试',
  badStatus: '文件下载失败（服务器返回 {status}），请稍后重试',
  openFailed: '文件已下载，但无法打开，请确认手机上有可以打开该文件的应用',
  noArticle: '这篇资料暂时无法打开',
} as const;

function download(
  url: string,
  onProgress: (percent: number) => void,
): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const task = wx.downloadFile({
      url,
      success(result) {
        if (result.statusCode >= 200 && result.statusCode < 300) resolve({ ok: true, path: result.tempFilePath });
        else resolve({ ok: false, message: OPEN_MESSAGES.badStatus.replace('{status}', String(result.statusCode)) });
      },
      fail(error) {
        console.error('下载资料失败', error);
        resolve({ ok: false, message: OPEN_MESSAGES.downloadFailed });
      },
    });
    // Some hosts (and test doubles) hand back no task; progress is then simply not reported.
    task?.onProgressUpdate?.((update) => onProgress(update.progress));
  });
}

function openDocument(filePath: string, fileType: OpenableFileType): Promise<OpenResult> {
  return new Promise((resolve) => {
    wx.openDocument({
      filePath,
      fileType,
      showMenu: true,
      success: () => resolve({ ok: true }),
      fail(error) {
        console.error('打开资料失败', error);
        resolve({ ok: false, message: OPEN_MESSAGES.openFailed });
      },
    });
  });
}

export async function openMaterial(
  material: MaterialView,
  onProgress: (percent: number) => void = () => {},
): Promise<OpenResult> {
  if (material.kind === 'article') {
    const articleId = material.articleId;
    if (!articleId) return { ok: false, message: OPEN_MESSAGES.noArticle };
    return new Promise((resolve) => {
      wx.navigateTo({
        url: articlePage(articleId),
        success: () => resolve({ ok: true }),
        fail: () => resolve({ ok: false, message: OPEN_MESSAGES.noArticle }),
      });
    });
  }
  if (!isOpenableFileType(material.fileType)) return { ok: false, message: OPEN_MESSAGES.unsupportedType };
  if (!material.downloadUrl) return { ok: false, message: OPEN_MESSAGES.noAddress };
  const downloaded = await download(material.downloadUrl, onProgress);
  if (!downloaded.ok) return downloaded;
  onProgress(100);
  return openDocument(downloaded.path, material.fileType);
}

/** 2.4 MB · 820 KB · '' when unknown. */
export function fileSizeLabel(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
