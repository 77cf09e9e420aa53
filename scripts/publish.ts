/**
 * `npm run publish -- path/to/article.md [...more.md]`: publish Markdown articles with YAML front matter.
 *   - to the local stack (`npm start` running; found at EMULATOR_PORT, default PORT+1 = 3001) by default;
 *   - to a real CloudBase environment when TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY are set.
 * The file format and the steps are in docs/organiser-guide.md (Chinese); the work is in scripts/publish/.
 */
import tcb from '@cloudbase/node-sdk';
import { createLocalCloudApp } from '../local/emulator/client';
import { localStackPorts } from '../local/ports';
import { AppError } from '../core/runtime/errors';
import { ArticleFileError } from './publish/article-file';
import { publishArticleFile } from './publish/publish';

const USAGE = '用法：npm run publish -- 文章.md [更多文章.md]';

function cloudApp(): { app: tcb.CloudBase; where: string } {
  const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (TCB_ENV && TCB_SECRET_ID && TCB_SECRET_KEY) {
    return {
      app: tcb.init({ env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }),
      where: `云开发环境 ${TCB_ENV}`,
    };
  }
  const url = process.env.TCB_SERVICE_URL || `http://127.0.0.1:${localStackPorts().emulatorPort}/`;
  return { app: createLocalCloudApp(url), where: `本地环境 ${url}` };
}

async function main(files: string[]): Promise<void> {
  if (files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const { app, where } = cloudApp();
  process.stdout.write(`发布到${where}\n`);
  for (const file of files) {
    const report = await publishArticleFile(app, file);
    for (const line of report.lines) process.stdout.write(`${line}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ArticleFileError || error instanceof AppError) {
    process.stderr.write(`发布失败：${error.message}\n`);
  } else if (
    error instanceof Error &&
    /ECONNREFUSED/.test(`${error.message} ${String((error as { cause?: unknown }).cause)}`)
  ) {
    process.stderr.write('发布失败：连不上本地环境，请先在另一个终端运行 npm start\n');
  } else {
    process.stderr.write(`发布失败：${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
