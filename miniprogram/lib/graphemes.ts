/**
 * Counting text as readers see it: grapheme clusters ("字"), so 👍🏽 or a family emoji is one, like a
 * Chinese character. Shared by the write page (the live count) and the function (the authority).
 *
 * Intl.Segmenter is in Node ≥ 16 and in recent WeChat JS engines; where it is missing (older base
 * libraries on some phones) the count falls back to code points (Array.from), which over-counts only
 * combined emoji. The server always has Intl.Segmenter, so its count decides.
 */

interface SegmenterLike {
  segment(input: string): Iterable<unknown>;
}

type SegmenterConstructor = new (locale: string, options: { granularity: 'grapheme' }) => SegmenterLike;

let segmenter: SegmenterLike | null | undefined;

function graphemeSegmenter(): SegmenterLike | null {
  if (segmenter === undefined) {
    const Segmenter = (Intl as unknown as { Segmenter?: SegmenterConstructor }).Segmenter;
    segmenter = typeof Segmenter === 'function' ? new Segmenter('zh', { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/** The text split into what a reader counts as characters. */
export function graphemes(text: string): string[] {
  const found = graphemeSegmenter();
  if (found === null) return Array.from(text);
  const parts: string[] = [];
  for (const part of found.segment(text)) parts.push((part as { segment: string }).segment);
  return parts;
}

export function countGraphemes(text: string): number {
  const found = graphemeSegmenter();
  if (found === null) return Array.from(text).length;
  let count = 0;
  for (const segment of found.segment(text)) {
    void segment;
    count += 1;
  }
  return count;
}

/**
 * Characters that show nothing: whitespace, zero-width space/joiners, word joiner, BOM, soft hyphen,
 * Hangul fillers, bidi marks and other format controls. Text made only of these (and of the variation
 * selectors below) is empty to a reader.
 */
const INVISIBLE = /[\s\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]/gu;
const EDGE_INVISIBLE = new RegExp(`^(?:${INVISIBLE.source})+|(?:${INVISIBLE.source})+$`, 'gu');

/**
 * Variation selectors and the combining grapheme joiner attach to the character before them (❤️ is
 * U+2764 U+FE0F): invisible alone, so they count as blank, but never stripped from an edge.
 */
function isSelector(codePoint: number): boolean {
  return (
    codePoint === 0x034f ||
    codePoint === 0x17b4 ||
    codePoint === 0x17b5 ||
    (codePoint >= 0x180b && codePoint <= 0x180d) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

/** Whitespace and invisible characters taken off both ends (what is stored and counted). */
export function tidy(text: string): string {
  return text.replace(EDGE_INVISIBLE, '');
}

/** True when nothing visible is left once whitespace and invisible characters are taken away. */
export function isBlank(text: string): boolean {
  for (const character of text.replace(INVISIBLE, '')) {
    if (!isSelector(character.codePointAt(0) ?? 0)) return false;
  }
  return true;
}

/** The first `max` graphemes, with an ellipsis when something was cut (list excerpts). */
export function excerpt(text: string, max: number): string {
  const parts = graphemes(text.replace(/\s+/g, ' ').trim());
  return parts.length <= max ? parts.join('') : `${parts.slice(0, max).join('')}…`;
}
