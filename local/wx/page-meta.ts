/**
 * <page-meta> as every simulated `wx` renders it (browser preview and page tests): its properties, and what
 * root-font-size / page-font-size mean — 'system' follows WeChat's font scale, a bare number is px.
 */
export const PAGE_META_PROPERTIES = {
  rootFontSize: { type: String, value: '' },
  pageFontSize: { type: String, value: '' },
  pageStyle: { type: String, value: '' },
  backgroundColor: { type: String, value: '' },
  backgroundTextStyle: { type: String, value: '' },
  scrollTop: { type: String, value: '' },
};

/** The CSS font-size of a page-meta font size ('system', '18', '18px', '1.2rem'). */
export function resolveFontSize(value: string, systemScale: number): string {
  if (value === 'system') return `${16 * systemScale}px`;
  return /^\d+(\.\d+)?$/.test(value) ? `${value}px` : value;
}
