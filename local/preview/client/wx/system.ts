/** The preview's device answers: the shared phone (local/wx/system.ts) with this browser's window and font scale. */
import * as phone from '../../../wx/system';

export { deviceInfo, menuButtonRect } from '../../../wx/system';

/** WeChat's font scale (设置 -> 字体大小); ?fontScale=1.3 in the preview URL simulates a larger setting. */
export function fontSizeScaleFactor(): number {
  const value = Number(new URLSearchParams(location.search).get('fontScale'));
  return Number.isFinite(value) && value > 0 ? value : 1;
}

const windowHeight = (): number | undefined => document.getElementById('wx-pages')?.clientHeight || undefined;

export const windowInfo = () => phone.windowInfo(windowHeight());
export const appBaseInfo = () => phone.appBaseInfo(fontSizeScaleFactor());
export const systemInfo = () => phone.systemInfo(fontSizeScaleFactor(), windowHeight());
