/**
 * <page-meta root-font-size> sets the size of 1rem, which in a browser belongs to <html>: the
 * visible page's choice (remembered on its root element) is applied whenever a page is shown.
 */
const DEFAULT_ROOT_FONT = '16px';

export function applyRootFontSize(): void {
  const visible = document.querySelector<HTMLElement>('.wxp-page-frame:not([hidden]) [data-wx-page]');
  document.documentElement.style.fontSize = visible?.dataset.rootFontSize || DEFAULT_ROOT_FONT;
}
