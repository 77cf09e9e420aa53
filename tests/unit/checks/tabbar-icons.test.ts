/**
 * The tabBar icons of the real app.json pass the icon check, and each way an icon can be wrong
 * (missing file, not a PNG, over 40 KB, wrong size, no icon at all, a theme.json @variable that one
 * theme lacks or points at a broken file) is reported — proven on a small throwaway mini-program root
 * holding a copy of app.json, theme.json and the icons.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTabBarIcons, MINIPROGRAM_ROOT } from '../../../scripts/check-tabbar-icons';
import { iconFileName, THEMES } from '../../../scripts/render-icons';
import { REPO_ROOT } from './temp-project';

interface TabItem {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}
interface AppJson {
  themeLocation: string;
  tabBar: { list: TabItem[] };
}
type ThemeJson = Record<'light' | 'dark', Record<string, string>>;

const realApp = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;
const realTheme = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, realApp.themeLocation), 'utf8')) as ThemeJson;
const roots: string[] = [];

/** A path of app.json's tabBar as `theme` shows it: a theme.json @variable resolved, a plain path as is. */
function resolved(value: string, theme: keyof ThemeJson, themes: ThemeJson = realTheme): string {
  return value.startsWith('@') ? themes[theme][value.slice(1)]! : value;
}

/** A root with app.json and theme.json (after `change`) and a copy of miniprogram/assets/. */
function brokenRoot(change: (app: AppJson, root: string, theme: ThemeJson) => void): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-icons-'));
  roots.push(root);
  fs.cpSync(path.join(MINIPROGRAM_ROOT, 'assets'), path.join(root, 'assets'), { recursive: true });
  const app = structuredClone(realApp);
  const theme = structuredClone(realTheme);
  change(app, root, theme);
  fs.writeFileSync(path.join(root, 'app.json'), JSON.stringify(app));
  fs.writeFileSync(path.join(root, app.themeLocation), JSON.stringify(theme));
  return root;
}

/** The file of the first tab's unselected icon in the light theme. */
function firstIcon(app: AppJson, root: string): string {
  return path.join(root, resolved(app.tabBar.list[0]!.iconPath!, 'light'));
}

afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

describe('tabBar icons (app.json iconPath / selectedIconPath)', () => {
  test('every tab of the real app.json has both icons in both themes, and they pass', () => {
    expect(realApp.tabBar.list.map((item) => item.text)).toEqual(['首页', '日程', '研讨', '我的']);
    for (const item of realApp.tabBar.list) {
      for (const value of [item.iconPath!, item.selectedIconPath!]) {
        // A theme.json @variable, so the dark tab bar gets icons drawn in the dark theme's colours.
        expect(value).toMatch(/^@/);
        expect(resolved(value, 'light')).toMatch(/\.png$/);
        expect(resolved(value, 'dark')).toMatch(/-dark\.png$/);
      }
    }
    expect(checkTabBarIcons()).toEqual([]);
  });

  test('a broken dark icon is reported, though its light icon is fine', () => {
    const root = brokenRoot((app, dir, theme) => {
      fs.writeFileSync(path.join(dir, resolved(app.tabBar.list[2]!.selectedIconPath!, 'dark', theme)), 'not a png');
      theme.dark.tabHomeIcon = 'assets/tabbar/home-ghost-dark.png';
    });
    expect(checkTabBarIcons(root)).toEqual([
      'tabBar.list[0].iconPath（@tabHomeIcon → dark：assets/tabbar/home-ghost-dark.png）文件不存在',
      'tabBar.list[2].selectedIconPath（@tabDiscussSelectedIcon → dark：assets/tabbar/discuss-selected-dark.png）不是 PNG 图片',
    ]);
  });

  test('a @variable that one theme lacks is reported for that theme', () => {
    const root = brokenRoot((_app, _dir, theme) => {
      delete theme.dark.tabMeSelectedIcon;
      delete theme.light.tabScheduleIcon;
    });
    expect(checkTabBarIcons(root)).toEqual([
      'tabBar.list[1].iconPath（@tabScheduleIcon）在 theme.json 的 light 主题里没有定义为图片路径',
      'tabBar.list[3].selectedIconPath（@tabMeSelectedIcon）在 theme.json 的 dark 主题里没有定义为图片路径',
    ]);
  });

  test('@variables without a readable theme.json are reported', () => {
    const root = brokenRoot((app) => {
      app.themeLocation = 'missing-theme.json';
    });
    fs.rmSync(path.join(root, 'missing-theme.json'));
    expect(checkTabBarIcons(root)).toEqual([expect.stringMatching(/^missing-theme\.json 无法读取或不是合法 JSON/)]);
  });

  test('a path to a missing file is reported', () => {
    const root = brokenRoot((app) => {
      app.tabBar.list[0]!.iconPath = 'assets/tabbar/ghost.png';
    });
    expect(checkTabBarIcons(root)).toEqual(['tabBar.list[0].iconPath（assets/tabbar/ghost.png）文件不存在']);
  });

  test('a file named .png that is not a PNG is reported (miniprogram-ci only looks at the name)', () => {
    const root = brokenRoot((app, dir) =>
      fs.writeFileSync(firstIcon(app, dir), '<svg xmlns="http://www.w3.org/2000/svg"/>'),
    );
    expect(checkTabBarIcons(root)).toEqual([expect.stringMatching(/^tabBar\.list\[0\]\.iconPath（.+）不是 PNG 图片$/)]);
  });

  test('an icon over 40 KB is reported', () => {
    const root = brokenRoot((app, dir) => {
      const file = firstIcon(app, dir);
      fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file), Buffer.alloc(40 * 1024)]));
    });
    expect(checkTabBarIcons(root)).toEqual([expect.stringMatching(/超过微信的 40 KB 上限$/)]);
  });

  test('an icon that is not 81 × 81 is reported', () => {
    const root = brokenRoot((app, dir) => {
      const file = firstIcon(app, dir);
      const bytes = fs.readFileSync(file);
      bytes.writeUInt32BE(48, 16); // IHDR width
      fs.writeFileSync(file, bytes);
    });
    expect(checkTabBarIcons(root)).toEqual([expect.stringMatching(/是 48 × 81 px，应为 81 × 81/)]);
  });

  test('a tab without a selected icon, or with a path outside the root, is reported', () => {
    const root = brokenRoot((app) => {
      delete app.tabBar.list[1]!.selectedIconPath;
      app.tabBar.list[0]!.iconPath = '../app.json';
    });
    expect(checkTabBarIcons(root)).toEqual([
      'tabBar.list[0].iconPath（../app.json）指向 miniprogram/ 之外',
      expect.stringMatching(/^tabBar\.list\[1\]\.selectedIconPath 缺失/),
    ]);
  });
});

describe('tabBar icon sources', () => {
  const sourceDir = path.join(REPO_ROOT, 'assets-src', 'tabbar');
  const sources = fs.readdirSync(sourceDir).filter((name) => name.endsWith('.svg'));

  test.each(THEMES)(
    'each SVG source has its rendered pair for the %s theme, and app.json uses exactly those',
    (theme) => {
      expect(sources.length).toBeGreaterThan(0);
      const rendered = sources.flatMap((source) => {
        const name = path.basename(source, '.svg');
        return [false, true].map((selected) => `assets/tabbar/${iconFileName(name, selected, theme)}`);
      });
      for (const file of rendered) expect(fs.existsSync(path.join(MINIPROGRAM_ROOT, file))).toBe(true);
      const used = realApp.tabBar.list.flatMap((item) => [item.iconPath!, item.selectedIconPath!]);
      expect(used.map((value) => resolved(value, theme)).sort()).toEqual(rendered.sort());
    },
  );

  test('no SVG is inside miniprogram/assets, so sources are never uploaded with the mini-program', () => {
    const files = fs.readdirSync(path.join(MINIPROGRAM_ROOT, 'assets'), { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith('.svg'))).toEqual([]);
  });
});
