/**
 * miniprogram-ci leaves an empty folder named by an md5 hash in the current working directory each time it
 * compiles or uploads a project. Running it from a throwaway folder keeps the repository as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Runs `work` with a fresh temporary folder as the working directory; removes the folder afterwards. */
export async function inScratchDirectory<T>(work: () => Promise<T>): Promise<T> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-miniprogram-ci-'));
  const previous = process.cwd();
  process.chdir(scratch);
  try {
    return await work();
  } finally {
    process.chdir(previous);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
