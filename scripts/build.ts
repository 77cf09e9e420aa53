/**
 * `npm run build`: everything the local stack, the tests and a deploy need.
 * - each cloud function bundled by esbuild into dist/functions/<name>/ (index.js, package.json, config.json)
 * - miniprogram/miniprogram_npm packed from package.json dependencies (what DevTools' "构建 npm" does)
 */
import { buildFunctions } from './build-functions';
import { packMiniprogramNpm } from './build-miniprogram-npm';

async function main(): Promise<void> {
  await packMiniprogramNpm();
  await buildFunctions();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
