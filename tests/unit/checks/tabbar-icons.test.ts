/**
 * The tabBar icons of the real app.json pass the icon check, and each way an icon can be wrong
 * (missing file, not a PNG, over 40 KB, wrong size, no icon at all) is reported — proven on a small
 * throwaway mini-program root holding a copy of app.json and the icons.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTabBarIcons, MINIPROGRAM_ROOT } from '../../../scripts/check-tabbar-icons';
import { REPO_ROOT } from './temp-project';

interface TabItem {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}
interface AppJson {
  tabBar: { list: TabItem[] };
}

const realApp = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;
const roots: string[] = [];

/** A root with app.json (after `change`) and a copy of miniprogram/assets/. */
function brokenRoot(change: (app: AppJson, root: string) => void): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-icons-'));
  roots.push(root);
  fs.cpSync(path.join(MINIPROGRAM_ROOT, 'assets'), path.join(root, 'assets'), { recursive: true });
  const app = structuredClone(realApp);
  change(app, root);
  fs.writeFileSync(path.join(root, 'app.json'), JSON.stringify(app));
  return root;
}

function firstIcon(app: AppJson, root: string): string {
  return path.join(root, app.tabBar.list[0]!.iconPath!);
}

afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

describe('tabBar icons (app.json iconPath / selectedIconPath)', () => {
  test('every tab of the real app.json has both icons, and they pass', () => {
    expect(realApp.tabBar.list.length).toBeGreaterThan(0);
    for (const item of realApp.tabBar.list) {
      expect(item.iconPath).toMatch(/\.png$/);
      expect(item.selectedIconPath).toMatch(/\.png$/);
    }
    expect(checkTabBarIcons()).toEqual([]);
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

  test('each SVG source has its rendered pair, and app.json uses exactly those PNGs', () => {
    expect(sources.length).toBeGreaterThan(0);
    const rendered = sources.flatMap((source) => {
      const name = path.basename(source, '.svg');
      return [`assets/tabbar/${name}.png`, `assets/tabbar/${name}-selected.png`];
    });
    for (const file of rendered) expect(fs.existsSync(path.join(MINIPROGRAM_ROOT, file))).toBe(true);
    const used = realApp.tabBar.list.flatMap((item) => [item.iconPath, item.selectedIconPath]);
    expect(used.sort()).toEqual(rendered.sort());
  });

  test('no SVG is inside miniprogram/assets, so sources are never uploaded with the mini-program', () => {
    const files = fs.readdirSync(path.join(MINIPROGRAM_ROOT, 'assets'), { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith('.svg'))).toEqual([]);
  });
});
