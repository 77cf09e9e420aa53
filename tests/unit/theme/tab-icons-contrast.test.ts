// The tabBar icons stand out from the tab bar in both themes: each icon PNG that app.json names (through
// theme.json's @variables) is painted, pixel for pixel, in its theme's tabColor / tabSelectedColor, and that
// colour reaches WCAG 1.4.11's 3:1 for non-text UI against the theme's tabBgColor. Reading the PNG's own
// pixels catches an icon left drawn in the other theme's colours (what the dark tab bar used to show).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contrast } from './colour';
import { decodeRgbaPng } from './png-pixels';

const MINIPROGRAM = path.resolve(__dirname, '../../../miniprogram');
const APP = JSON.parse(readFileSync(path.join(MINIPROGRAM, 'app.json'), 'utf8')) as {
  tabBar: { list: Array<{ text: string; iconPath: string; selectedIconPath: string }> };
};
const THEME = JSON.parse(readFileSync(path.join(MINIPROGRAM, 'theme.json'), 'utf8')) as Record<
  'light' | 'dark',
  Record<string, string>
>;
/** WCAG 2.1 success criterion 1.4.11 (non-text contrast): icons needed to understand the UI. */
const NON_TEXT_MINIMUM = 3;

/** The colour, as #rrggbb, of most of the fully opaque pixels of a PNG: the icon's strokes and fills. */
function inkOf(file: string): { colour: string; share: number } {
  const { rgba } = decodeRgbaPng(readFileSync(file));
  const counts = new Map<string, number>();
  let opaque = 0;
  for (let at = 0; at < rgba.length; at += 4) {
    if (rgba[at + 3] !== 255) continue;
    opaque++;
    const colour = `#${[rgba[at], rgba[at + 1], rgba[at + 2]].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const [colour, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['(透明)', 0];
  return { colour, share: opaque === 0 ? 0 : count / opaque };
}

const cases = (['light', 'dark'] as const).flatMap((theme) =>
  APP.tabBar.list.flatMap((item) =>
    (['iconPath', 'selectedIconPath'] as const).map((key) => ({
      theme,
      tab: item.text,
      key,
      file: THEME[theme][item[key].slice(1)]!,
      expected: THEME[theme][key === 'iconPath' ? 'tabColor' : 'tabSelectedColor']!,
    })),
  ),
);

describe('tabBar icons against the tab bar', () => {
  test.each(cases)('$theme $tab $key ($file) is drawn in $expected, at least 3:1 on the tab bar', (c) => {
    const ink = inkOf(path.join(MINIPROGRAM, c.file));
    expect(ink.colour).toBe(c.expected.toLowerCase());
    expect(ink.share).toBeGreaterThan(0.9);
    expect(contrast(ink.colour, THEME[c.theme].tabBgColor!)).toBeGreaterThanOrEqual(NON_TEXT_MINIMUM);
  });

  test('the light icons would not do on the dark tab bar (why the dark theme has its own)', () => {
    expect(contrast(THEME.light.tabSelectedColor!, THEME.dark.tabBgColor!)).toBeLessThan(NON_TEXT_MINIMUM);
    expect(contrast(THEME.light.tabColor!, THEME.dark.tabBgColor!)).toBeLessThan(NON_TEXT_MINIMUM);
  });
});
