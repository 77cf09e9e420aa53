/**
 * `npm run export:reflections -- [--group N] [--out 文件夹]`: the group discussion results as a Word file
 * (分组研讨成果: each group's published reflections) and an Excel file (every reflection; who has submitted).
 *   - from the local stack (`npm start` running) by default;
 *   - from a real CloudBase environment when TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY are set.
 * Written into dist/exports/ unless --out says otherwise. Steps in docs/organiser-guide.md; work in scripts/export/.
 */
import { connectCloud, isConnectionRefused, NO_LOCAL_STACK } from './cloud/connect';
import { parseExportArguments, USAGE, UsageError } from './export/arguments';
import { exportReflections } from './export/export';

async function main(argv: string[]): Promise<void> {
  const options = parseExportArguments(argv);
  const { app, where } = connectCloud();
  process.stdout.write(`从${where} 导出\n`);
  const report = await exportReflections(app, options);
  for (const line of report.lines) process.stdout.write(`${line}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`导出失败：${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const reason = isConnectionRefused(error) ? NO_LOCAL_STACK : error instanceof Error ? error.message : String(error);
  process.stderr.write(`导出失败：${reason}\n`);
  process.exit(1);
});
