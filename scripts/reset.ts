/**
 * `npm run reset`: wipe the local data folder (DATA_DIR, default .data/). The next `npm start` re-imports the seed.
 * Refuses while nothing sensible is configured: never deletes the project root or a folder outside it by accident.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '..');
const dataDir = path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'));

if (
  dataDir === PROJECT_ROOT ||
  dataDir === path.parse(dataDir).root ||
  PROJECT_ROOT.startsWith(`${dataDir}${path.sep}`)
) {
  console.error(`拒绝删除：${dataDir} 不是数据目录`);
  process.exit(1);
}
if (!existsSync(dataDir)) {
  console.log(`nothing to reset: ${dataDir} does not exist`);
} else {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`removed ${dataDir} (stop npm start first; the next start re-imports the seed)`);
}
