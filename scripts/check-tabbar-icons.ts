/**
 * The tabBar icons named in app.json, checked as WeChat will treat them: each iconPath /
 * selectedIconPath is a file under miniprogram/, really a PNG (by its bytes, not only its name —
 * miniprogram-ci checks the name and the size but not the content), at most 40 KB (WeChat's limit),
 * and 81 × 81 px (the recommended size that scripts/render-icons.ts draws).
 * With "darkmode" a path may be a theme.json @variable (app.json "themeLocation"): then the file of
 * EVERY theme (light and dark) is checked, and a variable one theme lacks is a problem — WeChat would
 * show that tab without an icon in that theme.
 * Usage: tsx scripts/check-tabbar-icons.ts   (exit 1 and one line per problem when something is wrong)
 */
import fs from 'node:fs';
import path from 'node:path';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '..', 'miniprogram');
/** WeChat's limit for one tabBar icon (miniprogram-ci compares with 1024 × 40 too). */
export const ICON_MAX_BYTES = 40 * 1024;
export const ICON_SIZE_PX = 81;

/** Every PNG starts with these 8 bytes; the IHDR chunk follows, with width and height at bytes 16 and 20. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface TabBarItem {
  pagePath?: unknown;
  iconPath?: unknown;
  selectedIconPath?: unknown;
}

type Themes = Record<string, Record<string, unknown> | undefined>;

/** WeChat's two themes: a theme.json needs both (DarkMode guide). */
const THEME_NAMES = ['light', 'dark'] as const;

/** Problems with the tabBar icons of the mini-program at `miniprogramRoot`, in Chinese; empty when all is well. */
export function checkTabBarIcons(miniprogramRoot: string = MINIPROGRAM_ROOT): string[] {
  let app: { tabBar?: { list?: TabBarItem[] }; themeLocation?: unknown };
  try {
    app = JSON.parse(fs.readFileSync(path.join(miniprogramRoot, 'app.json'), 'utf8')) as typeof app;
  } catch (error) {
    return [`app.json 无法读取或不是合法 JSON：${(error as Error).message}`];
  }
  const problems: string[] = [];
  let themes: Themes | null = null;
  const usesVariables = (app.tabBar?.list ?? []).some((item) =>
    [item.iconPath, item.selectedIconPath].some((value) => typeof value === 'string' && value.startsWith('@')),
  );
  if (usesVariables) {
    const loaded = readThemes(miniprogramRoot, app.themeLocation);
    if (typeof loaded === 'string') return [loaded];
    themes = loaded;
  }
  (app.tabBar?.list ?? []).forEach((item, index) => {
    for (const key of ['iconPath', 'selectedIconPath'] as const) {
      const where = `tabBar.list[${index}].${key}`;
      const value = item[key];
      if (value === undefined) {
        problems.push(`${where} 缺失：每个 tab 都应有图标，长辈靠图标更快找到 tab`);
        continue;
      }
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push(`${where} 应为 miniprogram/ 下的图片路径，实际是 ${JSON.stringify(value)}`);
        continue;
      }
      if (!value.startsWith('@')) {
        const problem = checkIconFile(miniprogramRoot, value);
        if (problem) problems.push(`${where}（${value}）${problem}`);
        continue;
      }
      for (const theme of THEME_NAMES) {
        const file = themes?.[theme]?.[value.slice(1)];
        if (typeof file !== 'string' || file.trim() === '') {
          problems.push(`${where}（${value}）在 theme.json 的 ${theme} 主题里没有定义为图片路径`);
          continue;
        }
        const problem = checkIconFile(miniprogramRoot, file);
        if (problem) problems.push(`${where}（${value} → ${theme}：${file}）${problem}`);
      }
    }
  });
  return problems;
}

/** theme.json named by app.json's themeLocation, or the problem with it. */
function readThemes(miniprogramRoot: string, themeLocation: unknown): Themes | string {
  if (typeof themeLocation !== 'string')
    return 'tabBar 图标用了 @变量，但 app.json 没有 themeLocation（theme.json 的路径）';
  try {
    return JSON.parse(fs.readFileSync(path.join(miniprogramRoot, themeLocation), 'utf8')) as Themes;
  } catch (error) {
    return `${themeLocation} 无法读取或不是合法 JSON：${(error as Error).message}`;
  }
}

/** What is wrong with one icon file, or null. */
function checkIconFile(miniprogramRoot: string, iconPath: string): string | null {
  const file = path.resolve(miniprogramRoot, iconPath.replace(/^\/+/, ''));
  if (path.relative(miniprogramRoot, file).startsWith('..')) return '指向 miniprogram/ 之外';
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return '文件不存在';
  const bytes = fs.readFileSync(file);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return '不是 PNG 图片';
  if (bytes.length > ICON_MAX_BYTES) return `有 ${(bytes.length / 1024).toFixed(1)} KB，超过微信的 40 KB 上限`;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width !== ICON_SIZE_PX || height !== ICON_SIZE_PX)
    return `是 ${width} × ${height} px，应为 ${ICON_SIZE_PX} × ${ICON_SIZE_PX}（npm run icons 重新生成）`;
  return null;
}

if (require.main === module) {
  const problems = checkTabBarIcons();
  for (const problem of problems) console.error(`check:icons: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log('check:icons: tabBar 图标 OK');
}
