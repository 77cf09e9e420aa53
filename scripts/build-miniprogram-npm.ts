/**
 * Builds miniprogram/miniprogram_npm — what DevTools' "构建 npm" does — offline, with miniprogram-ci's
 * packNpmManually. The output is gitignored and rebuilt by `npm run build`.
 *
 * packNpm packs every `dependencies` entry of the package.json it is given, but package.json's
 * `dependencies` also hold the cloud functions' run-time libraries (node-sdk, zod, marked...), which must
 * never reach a phone. So it is given a package.json of the mini-program's packages alone (MINIPROGRAM_PACKAGES,
 * at the versions the project declares), in a temporary folder holding copies of those packages.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packNpmManually } from 'miniprogram-ci';

const ROOT = path.resolve(__dirname, '..');

export const MINIPROGRAM_NPM_DIR = path.join(ROOT, 'miniprogram', 'miniprogram_npm');

/** The npm packages the mini-program itself loads (each must be in package.json `dependencies`). */
export const MINIPROGRAM_PACKAGES = ['tdesign-miniprogram', 'dayjs'];

/**
 * packNpm bundles only each package's main entry, so a deep import such as `dayjs/plugin/utc`
 * (miniprogram/lib/datetime.ts) would not resolve on a phone. These self-contained files are copied
 * beside the bundle, where the mini-program's require looks for them.
 */
const DEEP_IMPORTS = ['dayjs/plugin/utc.js'];

function copyDeepImports(): void {
  for (const file of DEEP_IMPORTS) {
    const target = path.join(MINIPROGRAM_NPM_DIR, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(require.resolve(file, { paths: [ROOT] }), target);
  }
}

/** A package.json of the mini-program's packages alone, with a node_modules of those packages. */
function miniprogramPackageJson(folder: string): string {
  const declared =
    (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      }
    ).dependencies ?? {};
  const dependencies = Object.fromEntries(
    MINIPROGRAM_PACKAGES.map((name) => {
      const version = declared[name];
      if (!version) throw new Error(`${name} is in MINIPROGRAM_PACKAGES but not in package.json dependencies`);
      return [name, version];
    }),
  );
  const file = path.join(folder, 'package.json');
  writeFileSync(file, JSON.stringify({ name: 'lvzhi-miniprogram', private: true, dependencies }, null, 2));
  // Copies, not links: packNpm does not follow symbolic links. None of these has dependencies of its own.
  for (const name of MINIPROGRAM_PACKAGES) {
    cpSync(path.join(ROOT, 'node_modules', name), path.join(folder, 'node_modules', name), { recursive: true });
  }
  return file;
}

export async function packMiniprogramNpm(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'lvzhi-pack-npm-'));
  let result: Awaited<ReturnType<typeof packNpmManually>>;
  try {
    result = await packNpmManually({
      packageJsonPath: miniprogramPackageJson(folder),
      // packNpmManually writes <dist>/miniprogram_npm, so the dist is the miniprogram root.
      miniprogramNpmDistDir: path.join(ROOT, 'miniprogram'),
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  for (const warning of result.warnList) {
    console.warn(`packNpm: ${warning.msg ?? JSON.stringify(warning)}`);
  }
  copyDeepImports();
  console.log(
    `miniprogram_npm: ${result.miniProgramPackNum} mini-program package(s), ${result.otherNpmPackNum} other(s)`,
  );
}

if (require.main === module) {
  packMiniprogramNpm().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
