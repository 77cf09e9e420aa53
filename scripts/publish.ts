/**
 * `npm run publish -- path/to/article.md [...more.md]`: publish Markdown articles with YAML front matter.
 *   - to the local stack (`npm start` running; found at EMULATOR_PORT, default PORT+1 = 3001) by default;
 *   - to a real CloudBase environment when TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY are set.
 * The file format and the steps are in docs/organiser-guide.md (Chinese); the work is in scripts/publish/.
 */
import { AppError } from '../core/runtime/errors';
import { ArticleFileError } from './publish/article-file';
import { publishArticleFile } from './publish/publish';
import { connectCloud, isConnectionRefused, NO_LOCAL_STACK } from './cloud/connect';

const USAGE = '用法：npm run publish -- 文章.md [更多文章.md]';

async function main(files: string[]): Promise<void> {
  if (files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const { app, where } = connectCloud();
  process.stdout.write(`发布到${where}\n`);
  for (const file of files) {
    const report = await publishArticleFile(app, file);
    for (const line of report.lines) process.stdout.write(`${line}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ArticleFileError || error instanceof AppError) {
    process.stderr.write(`发布失败：${error.message}\n`);
  } else if (isConnectionRefused(error)) {
    process.stderr.write(`发布失败：${NO_LOCAL_STACK}\n`);
  } else {
    process.stderr.write(`发布失败：${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
