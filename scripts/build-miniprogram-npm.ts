/**
 * Builds miniprogram/miniprogram_npm from package.json `dependencies` — what DevTools' "构建 npm" does —
 * offline, with miniprogram-ci's packNpmManually. The output is gitignored and rebuilt by `npm run build`.
 */
import path from 'node:path';
import { packNpmManually } from 'miniprogram-ci';

const ROOT = path.resolve(__dirname, '..');

export const MINIPROGRAM_NPM_DIR = path.join(ROOT, 'miniprogram', 'miniprogram_npm');

export async function packMiniprogramNpm(): Promise<void> {
  const result = await packNpmManually({
    packageJsonPath: path.join(ROOT, 'package.json'),
    // packNpmManually writes <dist>/miniprogram_npm, so the dist is the miniprogram root.
    miniprogramNpmDistDir: path.join(ROOT, 'miniprogram'),
  });
  for (const warning of result.warnList) {
    console.warn(`packNpm: ${warning.msg ?? JSON.stringify(warning)}`);
  }
  console.log(`miniprogram_npm: ${result.miniProgramPackNum} mini-program package(s), ${result.otherNpmPackNum} other(s)`);
}

if (require.main === module) {
  packMiniprogramNpm().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
