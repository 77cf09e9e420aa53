/**
 * `npm run check:mp`: the offline compile check of miniprogram-ci — what DevTools does before an
 * upload — with no network and no AppID key. It fails on bad JSON, a page listed in app.json whose
 * files are missing, and a usingComponents path that resolves to nothing (TypeScript types are
 * `tsc`'s job: `npm run typecheck`). On success it reports the size of each package, then runs
 * scripts/check-tabbar-icons.ts on the same project (real PNGs, ≤ 40 KB, 81 × 81).
 *
 * Usage: tsx scripts/check-miniprogram.ts [--project <dir with project.config.json>]
 * The CLI exits by itself: miniprogram-ci keeps a compiler child process alive otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as ci from 'miniprogram-ci';
import { checkTabBarIcons } from './check-tabbar-icons';
import { inScratchDirectory } from './miniprogram-ci-scratch';

export const PROJECT_ROOT = path.resolve(__dirname, '..');

/** WeChat's limit for the main package and for each subpackage. */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;

/** Folders of the repository that are not part of the mini-program: skip them when scanning. */
const IGNORES = [
  'node_modules/**/*',
  '.git/**/*',
  'dist/**/*',
  '.data/**/*',
  '.scratch/**/*',
  'coverage/**/*',
  'test-results/**/*',
];

export interface PackageSize {
  /** 'main' or the subpackage root, e.g. 'reading'. */
  name: string;
  bytes: number;
}

export type MiniprogramCheck =
  { ok: true; files: number; packages: PackageSize[]; miniprogramRoot: string } | { ok: false; message: string };

interface ProjectConfig {
  appid?: string;
  miniprogramRoot?: string;
}

export async function checkMiniprogram(projectPath: string = PROJECT_ROOT): Promise<MiniprogramCheck> {
  let config: ProjectConfig;
  try {
    config = JSON.parse(fs.readFileSync(path.join(projectPath, 'project.config.json'), 'utf8')) as ProjectConfig;
  } catch (error) {
    return { ok: false, message: `project.config.json 无法读取或不是合法 JSON：${describe(error)}` };
  }
  const project = new ci.Project({
    appid: config.appid ?? 'touristappid',
    type: 'miniProgram',
    projectPath,
    // A key is only needed to ask WeChat for the project's attributes; they are set below instead.
    privateKey: 'offline-compile-check',
    ignores: IGNORES,
  });
  // Offline: use the default attributes rather than fetching them from WeChat's servers.
  (project as unknown as { _attr: unknown })._attr = ci.DefaultProjectAttr;

  let compiled: Record<string, string | Buffer>;
  try {
    compiled = await inScratchDirectory(() =>
      ci.getCompiledResult({
        project,
        version: '0.0.0',
        setting: { es6: true, minify: false },
      } as Parameters<typeof ci.getCompiledResult>[0]),
    );
  } catch (error) {
    return { ok: false, message: describe(error) };
  }
  const miniprogramRoot = path.join(projectPath, config.miniprogramRoot ?? '');
  return {
    ok: true,
    files: Object.keys(compiled).length,
    miniprogramRoot,
    packages: packageSizes(compiled, subpackageRoots(miniprogramRoot)),
  };
}

function subpackageRoots(miniprogramRoot: string): string[] {
  try {
    const appJson = JSON.parse(fs.readFileSync(path.join(miniprogramRoot, 'app.json'), 'utf8')) as {
      subpackages?: Array<{ root: string }>;
      subPackages?: Array<{ root: string }>;
    };
    return (appJson.subpackages ?? appJson.subPackages ?? []).map((pkg) => pkg.root.replace(/\/+$/, ''));
  } catch {
    return [];
  }
}

export function packageSizes(compiled: Record<string, string | Buffer>, roots: string[]): PackageSize[] {
  const sizes = new Map<string, number>([['main', 0], ...roots.map((root): [string, number] => [root, 0])]);
  for (const [file, content] of Object.entries(compiled)) {
    const owner = roots.find((root) => file.startsWith(`${root}/`)) ?? 'main';
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    sizes.set(owner, (sizes.get(owner) ?? 0) + bytes);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }));
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const where = (error as Error & { path?: unknown }).path;
    return typeof where === 'string' && !error.message.includes(where) ? `${where}: ${error.message}` : error.message;
  }
  return String(error);
}

function projectArgument(argv: string[]): string {
  const index = argv.indexOf('--project');
  return index >= 0 && argv[index + 1] ? path.resolve(argv[index + 1] as string) : PROJECT_ROOT;
}

async function main(): Promise<number> {
  const result = await checkMiniprogram(projectArgument(process.argv.slice(2)));
  if (!result.ok) {
    console.error(`check:mp: 编译检查失败\n${result.message}`);
    return 1;
  }
  let status = 0;
  for (const pkg of result.packages) {
    const kb = (pkg.bytes / 1024).toFixed(1);
    const over = pkg.bytes > PACKAGE_LIMIT_BYTES;
    if (over) status = 1;
    console.log(
      `check:mp: ${pkg.name === 'main' ? '主包' : `分包 ${pkg.name}`} ${kb} KB${over ? ' — 超过 2 MB 上限' : ''}`,
    );
  }
  // miniprogram-ci checks a tabBar icon's name and size, not that it is a real PNG: check:icons does.
  const iconProblems = checkTabBarIcons(result.miniprogramRoot);
  for (const problem of iconProblems) console.error(`check:mp: tabBar 图标 ${problem}`);
  if (iconProblems.length > 0) status = 1;
  console.log(`check:mp: ${result.files} compiled file(s)${status === 0 ? ', OK' : ''}`);
  return status;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
