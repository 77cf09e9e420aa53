/**
 * Builds miniprogram/miniprogram_npm from package.json `dependencies` — what DevTools' "构建 npm" does —
 * offline, with miniprogram-ci's packNpmManually. The output is gitignored and rebuilt by `npm run build`.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { packNpmManually } from 'miniprogram-ci';

const ROOT = path.resolve(__dirname, '..');

export const MINIPROGRAM_NPM_DIR = path.join(ROOT, 'miniprogram', 'miniprogram_npm');

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

export async function packMiniprogramNpm(): Promise<void> {
  const result = await packNpmManually({
    packageJsonPath: path.join(ROOT, 'package.json'),
    // packNpmManually writes <dist>/miniprogram_npm, so the dist is the miniprogram root.
    miniprogramNpmDistDir: path.join(ROOT, 'miniprogram'),
  });
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
