// Both themes of app.wxss are readable: every pair of text and background tokens the pages use reaches
// WCAG's 4.5:1 for body text, computed from the tokens as written (light in `page {}`, dark in the
// prefers-color-scheme media block), so a new colour that breaks it fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contrast, luminance } from './colour';

const APP_WXSS = readFileSync(path.resolve(__dirname, '../../../miniprogram/app.wxss'), 'utf8');
const THEME = JSON.parse(readFileSync(path.resolve(__dirname, '../../../miniprogram/theme.json'), 'utf8')) as Record<
  'light' | 'dark',
  Record<string, string>
>;

function tokensOf(block: string): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [, name, value] of block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi))
    tokens[name] = value.toLowerCase();
  return tokens;
}

const darkStart = APP_WXSS.indexOf('@media (prefers-color-scheme: dark)');
const light = tokensOf(APP_WXSS.slice(0, darkStart));
const dark = { ...light, ...tokensOf(APP_WXSS.slice(darkStart, APP_WXSS.indexOf('.card {'))) };

/** [text token, background token]: what the pages and components put on what. */
const PAIRS: Array<[string, string]> = [
  ['text', 'card-bg'],
  ['text', 'page-bg'],
  ['text-secondary', 'card-bg'],
  ['text-secondary', 'page-bg'],
  ['text', 'brand-tint'],
  ['text-secondary', 'placeholder-bg'],
  ['brand', 'card-bg'],
  ['on-brand', 'brand'],
  ['link', 'card-bg'],
  ['error', 'card-bg'],
  ['on-banner', 'banner-from'],
  ['on-banner', 'banner-to'],
  ['td-text-color-primary', 'td-bg-color-container'],
  ['td-text-color-secondary', 'td-bg-color-container'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s theme', (_name, tokens) => {
  it.each(PAIRS)('--%s on --%s is at least 4.5:1', (fg, bg) => {
    expect(tokens[fg]).toMatch(/^#[0-9a-f]{6}$/);
    expect(tokens[bg]).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(tokens[fg], tokens[bg])).toBeGreaterThanOrEqual(4.5);
  });
});

it('dark mode really changes the page: backgrounds dark, text light', () => {
  expect(luminance(dark['card-bg'])).toBeLessThan(0.05);
  expect(luminance(dark.text)).toBeGreaterThan(0.6);
  expect(dark['card-bg']).not.toBe(light['card-bg']);
});

it('theme.json: the tab bar and navigation bar read in both themes', () => {
  for (const theme of [THEME.light, THEME.dark]) {
    expect(contrast(theme.tabColor, theme.tabBgColor)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme.tabSelectedColor, theme.tabBgColor)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme.navTextStyle === 'white' ? '#ffffff' : '#000000', theme.navBgColor)).toBeGreaterThanOrEqual(
      4.5,
    );
  }
});

it('app.json takes its bar colours from theme.json', () => {
  const app = JSON.parse(readFileSync(path.resolve(__dirname, '../../../miniprogram/app.json'), 'utf8')) as {
    darkmode: boolean;
    themeLocation: string;
    window: Record<string, string>;
    tabBar: Record<string, unknown>;
  };
  expect(app).toMatchObject({ darkmode: true, themeLocation: 'theme.json' });
  for (const value of [app.window.navigationBarBackgroundColor, app.tabBar.color, app.tabBar.backgroundColor]) {
    expect(value).toMatch(/^@/);
    expect(THEME.light[String(value).slice(1)]).toBeDefined();
    expect(THEME.dark[String(value).slice(1)]).toBeDefined();
  }
});
