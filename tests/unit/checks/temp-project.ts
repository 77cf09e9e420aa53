/**
 * A throwaway copy of the mini-program project (project.config.json, tsconfig.json, miniprogram/)
 * that a test may break on purpose. node_modules is linked, not copied.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface TempProject {
  root: string;
  miniprogram: string;
  /** Path inside miniprogram/. */
  file(relative: string): string;
  edit(relative: string, change: (text: string) => string): void;
  remove(): void;
}

export function copyProject(options: { withNpm?: boolean } = {}): TempProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-mp-'));
  for (const name of ['project.config.json', 'tsconfig.json', 'package.json']) {
    fs.copyFileSync(path.join(REPO_ROOT, name), path.join(root, name));
  }
  fs.cpSync(path.join(REPO_ROOT, 'miniprogram'), path.join(root, 'miniprogram'), {
    recursive: true,
    filter: (source) => options.withNpm === true || !source.includes(`${path.sep}miniprogram_npm`),
  });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const miniprogram = path.join(root, 'miniprogram');
  const file = (relative: string): string => path.join(miniprogram, relative);
  return {
    root,
    miniprogram,
    file,
    edit(relative, change) {
      fs.writeFileSync(file(relative), change(fs.readFileSync(file(relative), 'utf8')));
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
