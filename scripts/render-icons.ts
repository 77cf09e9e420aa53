/**
 * `npm run icons`: renders the tabBar icons from their SVG sources (assets-src/tabbar/*.svg) to the
 * 81 × 81 PNGs WeChat wants, once per theme of theme.json: miniprogram/assets/tabbar/<name>.png and
 * <name>-selected.png for the light theme, <name>-dark.png and <name>-selected-dark.png for the dark.
 * WeChat accepts only local images for iconPath / selectedIconPath — no SVG, icon font or URL — so
 * the PNGs are committed and the phone needs no build step; run this only after changing a source
 * or the tabBar colours. The sources draw in currentColor; each theme's two colours are app.json's
 * tabBar `color` (unselected) and `selectedColor` resolved through that theme (with "darkmode" they
 * are theme.json @variables), so icon and label always match. app.json's list names the icons by
 * theme.json @variables too (WeChat's DarkMode guide allows it for iconPath / selectedIconPath), so
 * the dark tab bar shows the dark PNGs.
 * The SVG sources live outside miniprogram/ so they are never uploaded with the mini-program.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/support/e2e-browser';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const ICON_SOURCE_DIR = path.join(PROJECT_ROOT, 'assets-src', 'tabbar');
export const ICON_OUTPUT_DIR = path.join(PROJECT_ROOT, 'miniprogram', 'assets', 'tabbar');
/** WeChat's recommended tabBar icon size (it draws them at about 27 px, i.e. 3× for sharp screens). */
export const ICON_SIZE_PX = 81;
/** The themes of theme.json; the light theme's files keep the plain names. */
export const THEMES = ['light', 'dark'] as const;
export type ThemeName = (typeof THEMES)[number];

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export interface TabBarColours {
  color: string;
  selectedColor: string;
}

/** The file name of one rendered icon, e.g. home-selected-dark.png. */
export function iconFileName(name: string, selected: boolean, theme: ThemeName): string {
  return `${name}${selected ? '-selected' : ''}${theme === 'light' ? '' : `-${theme}`}.png`;
}

/** The tabBar colours of `theme` from app.json; WeChat only accepts #rrggbb there, so anything else is an error. */
export function readTabBarColours(appJsonPath: string, theme: ThemeName): TabBarColours {
  const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as {
    tabBar?: Partial<TabBarColours>;
    themeLocation?: string;
  };
  // With darkmode the colours are theme.json @variables, resolved in the theme being drawn.
  const variables =
    typeof app.themeLocation === 'string'
      ? (
          JSON.parse(fs.readFileSync(path.join(path.dirname(appJsonPath), app.themeLocation), 'utf8')) as Partial<
            Record<ThemeName, Record<string, string>>
          >
        )[theme]
      : undefined;
  const resolve = (value: string | undefined) =>
    typeof value === 'string' && value.startsWith('@') ? variables?.[value.slice(1)] : value;
  const color = resolve(app.tabBar?.color);
  const selectedColor = resolve(app.tabBar?.selectedColor);
  for (const [name, value] of Object.entries({ color, selectedColor })) {
    if (typeof value !== 'string' || !HEX_COLOUR.test(value))
      throw new Error(
        `app.json 的 tabBar.${name}（${theme} 主题）应为 #rrggbb 形式的颜色，实际是 ${JSON.stringify(value)}`,
      );
  }
  return { color: color as string, selectedColor: selectedColor as string };
}

/** An HTML page holding only the icon, painted in `colour`, filling an ICON_SIZE_PX square. */
function iconPage(svg: string, colour: string): string {
  const sized = svg.replace(/<svg\b/, `<svg width="${ICON_SIZE_PX}" height="${ICON_SIZE_PX}"`);
  return `<!doctype html><html><body style="margin:0;background:transparent">
<div id="icon" style="width:${ICON_SIZE_PX}px;height:${ICON_SIZE_PX}px;color:${colour};line-height:0">${sized}</div>
</body></html>`;
}

async function main(): Promise<void> {
  const appJson = path.join(PROJECT_ROOT, 'miniprogram', 'app.json');
  const colours = THEMES.map((theme) => ({ theme, ...readTabBarColours(appJson, theme) }));
  const sources = fs.readdirSync(ICON_SOURCE_DIR).filter((name) => name.endsWith('.svg'));
  if (sources.length === 0) throw new Error(`${path.relative(PROJECT_ROOT, ICON_SOURCE_DIR)} 里没有 SVG 图标源文件`);
  fs.mkdirSync(ICON_OUTPUT_DIR, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({
      viewport: { width: ICON_SIZE_PX, height: ICON_SIZE_PX },
      deviceScaleFactor: 1,
    });
    for (const source of sources) {
      const svg = fs.readFileSync(path.join(ICON_SOURCE_DIR, source), 'utf8');
      const name = path.basename(source, '.svg');
      for (const { theme, color, selectedColor } of colours) {
        for (const selected of [false, true]) {
          const colour = selected ? selectedColor : color;
          await page.setContent(iconPage(svg, colour));
          const file = path.join(ICON_OUTPUT_DIR, iconFileName(name, selected, theme));
          // omitBackground keeps the PNG transparent, so the icon sits on any tabBar backgroundColor.
          await page.locator('#icon').screenshot({ path: file, omitBackground: true });
          console.log(`icons: ${path.relative(PROJECT_ROOT, file)}  ${fs.statSync(file).size} B  ${colour}`);
        }
      }
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`icons: ${(error as Error).message}`);
    process.exit(1);
  });
}
