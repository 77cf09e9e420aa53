/** The list's one-line teaser: the organiser's own summary, else the opening paragraphs cut to length. */
import type { ArticleBlock } from '../../miniprogram/contracts/articles';

/** Length of a generated summary, in characters (code points). */
const SUMMARY_LENGTH = 80;
const ELLIPSIS = '…';

/** Cut by characters as a reader counts them (code points), not UTF-16 units. */
function truncate(text: string, length: number): string {
  const chars = Array.from(text);
  return chars.length <= length ? text : `${chars.slice(0, length).join('')}${ELLIPSIS}`;
}

export function deriveSummary(blocks: readonly ArticleBlock[], length: number = SUMMARY_LENGTH): string {
  let text = '';
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    text = text === '' ? block.text : `${text}${block.text}`;
    if (Array.from(text).length >= length) break;
  }
  return truncate(text.replace(/\s+/g, ' ').trim(), length);
}

/** An organiser's own summary is shown as written; only a derived one is cut to length. */
export function summaryOf(given: string, blocks: readonly ArticleBlock[]): string {
  return given !== '' ? given : deriveSummary(blocks);
}
