/**
 * Reading font size for older eyes: a few named steps, remembered in storage, multiplied by
 * WeChat's own font scale (设置 -> 通用 -> 字体大小) so both settings are honoured.
 * Pages apply the result through <page-meta root-font-size>; every text size in the app is in rem.
 */

export const FONT_STEPS = [
  { key: 'standard', label: '标准', scale: 1 },
  { key: 'large', label: '大', scale: 1.15 },
  { key: 'larger', label: '特大', scale: 1.3 },
  { key: 'largest', label: '超大', scale: 1.5 },
] as const;

export type FontStepKey = (typeof FONT_STEPS)[number]['key'];

export const FONT_STEP_STORAGE_KEY = 'prefs.fontStep';
export const DEFAULT_FONT_STEP: FontStepKey = 'standard';

/** 1rem at the standard step: 17px body text, the low end of comfortable reading on a phone. */
export const BASE_ROOT_FONT_PX = 17;
const MIN_ROOT_FONT_PX = 14;
const MAX_ROOT_FONT_PX = 36;

export function isFontStepKey(value: unknown): value is FontStepKey {
  return FONT_STEPS.some((step) => step.key === value);
}

export function readFontStep(): FontStepKey {
  try {
    const stored: unknown = wx.getStorageSync(FONT_STEP_STORAGE_KEY);
    return isFontStepKey(stored) ? stored : DEFAULT_FONT_STEP;
  } catch {
    return DEFAULT_FONT_STEP;
  }
}

export function saveFontStep(step: FontStepKey): void {
  try {
    wx.setStorageSync(FONT_STEP_STORAGE_KEY, step);
  } catch (error) {
    // Storage full or unavailable: the choice still applies to this session.
    console.warn('字号设置未能保存', error);
  }
}

/** WeChat's font scale factor (1 when unknown). */
export function systemFontScale(): number {
  try {
    const factor = wx.getAppBaseInfo().fontSizeScaleFactor;
    return typeof factor === 'number' && factor > 0 ? factor : 1;
  } catch {
    return 1;
  }
}

export function rootFontSizePx(step: FontStepKey, systemScale: number = systemFontScale()): number {
  const scale = FONT_STEPS.find((candidate) => candidate.key === step)?.scale ?? 1;
  const px = Math.round(BASE_ROOT_FONT_PX * scale * systemScale);
  return Math.min(MAX_ROOT_FONT_PX, Math.max(MIN_ROOT_FONT_PX, px));
}
