/**
 * `tsx scripts/put-file.ts <local file> <cloud path>`: put a file into the local stack's storage
 * (DATA_DIR, default .data/, under storage/<cloud path>) and print its fileID on stdout, e.g.
 *   tsx scripts/put-file.ts ~/课件/第一讲.pdf slides/第一讲.pdf
 *   -> cloud://local.6c6f-local/slides/第一讲.pdf
 * Put that fileID in a training_materials document's `fileId`. Works whether `npm start` is running
 * or not: the emulator reads files from disk on every request. An existing file at the path is replaced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkCloudPath, localFileId } from '../local/emulator/cloud-path';
import { EmulatorError } from '../local/emulator/errors';
import { FileStore } from '../local/emulator/file-store';
import { MAX_UPLOAD_BYTES } from '../local/emulator/file-server';

const PROJECT_ROOT = path.resolve(__dirname, '..');
const USAGE = '用法：tsx scripts/put-file.ts <本地文件> <云端路径，如 slides/第一讲.pdf>';

async function main(args: string[]): Promise<void> {
  if (args.length !== 2) throw new UsageError(USAGE);
  const [source, cloudPath] = args;
  const stats = fs.statSync(source, { throwIfNoEntry: false });
  if (!stats?.isFile()) throw new UsageError(`找不到本地文件：${source}`);
  checkCloudPath(cloudPath);
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'));
  const stored = await new FileStore(dataDir).write(cloudPath, fs.createReadStream(source), MAX_UPLOAD_BYTES);
  process.stderr.write(`已放入本地存储：${stored.absolutePath}（${stored.size} 字节）\n`);
  process.stdout.write(`${localFileId(cloudPath)}\n`);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof EmulatorError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error instanceof UsageError && error.message === USAGE ? 2 : 1);
  }
  process.stderr.write(`放入文件失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
