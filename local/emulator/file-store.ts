// The files of the local storage, on disk under <dataDir>/storage/<path>.
//
// Writes go to <dataDir>/storage-uploads/ first, are fsync'ed, then renamed into place, so a file is
// either absent or complete, even after kill -9 (a half-written upload only leaves a temporary file,
// cleared when the emulator next starts). Paths are checked by cloud-path.ts before they get here; the folder
// containment check below is a second line against a path that would leave the storage folder.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkCloudPath } from './cloud-path';
import { EmulatorError } from './errors';
import { fsyncDirectory } from './journal';

export interface StoredFile {
  absolutePath: string;
  size: number;
}

export class FileStore {
  readonly root: string;
  private readonly uploads: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, 'storage');
    this.uploads = path.resolve(dataDir, 'storage-uploads');
    fs.mkdirSync(this.root, { recursive: true });
    fs.mkdirSync(this.uploads, { recursive: true });
  }

  /** Remove what uploads cut short (kill -9) left behind; only the emulator calls it, on start. */
  discardUnfinishedUploads(): void {
    for (const entry of fs.readdirSync(this.uploads)) fs.rmSync(path.join(this.uploads, entry), { force: true });
  }

  /** The regular file at a cloud path, or undefined when there is none. */
  find(cloudPath: string): StoredFile | undefined {
    const absolutePath = this.locate(cloudPath);
    let stats: fs.Stats | undefined;
    try {
      stats = fs.statSync(absolutePath, { throwIfNoEntry: false });
    } catch (error) {
      // A parent that is a file (ENOTDIR) or a name the disk refuses: there is no such file.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'EINVAL') return undefined;
      throw error;
    }
    return stats?.isFile() ? { absolutePath, size: stats.size } : undefined;
  }

  /** Store bytes at a cloud path (replacing any file there), durably and all at once. */
  async write(cloudPath: string, content: Buffer | Readable, maxBytes = Infinity): Promise<StoredFile> {
    const absolutePath = this.locate(cloudPath);
    const existing = fs.statSync(absolutePath, { throwIfNoEntry: false });
    if (existing?.isDirectory()) throw new EmulatorError('INVALID_PARAM', `该路径是一个文件夹：${cloudPath}`);
    const temporary = path.join(this.uploads, crypto.randomUUID());
    try {
      if (Buffer.isBuffer(content)) {
        if (content.length > maxBytes) throw tooLarge(maxBytes);
        fs.writeFileSync(temporary, content, { flag: 'wx' });
      } else {
        let size = 0;
        content.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) content.destroy(tooLarge(maxBytes));
        });
        await pipeline(content, fs.createWriteStream(temporary, { flags: 'wx' }));
      }
      fsyncFile(temporary);
      makeFolders(path.dirname(absolutePath), cloudPath);
      fs.renameSync(temporary, absolutePath);
      fsyncDirectory(path.dirname(absolutePath));
    } finally {
      fs.rmSync(temporary, { force: true });
    }
    return { absolutePath, size: fs.statSync(absolutePath).size };
  }

  /** Delete the file at a cloud path; false when there was none. Empty folders left behind go too. */
  remove(cloudPath: string): boolean {
    const found = this.find(cloudPath);
    if (!found) return false;
    fs.rmSync(found.absolutePath);
    let folder = path.dirname(found.absolutePath);
    while (folder !== this.root && fs.readdirSync(folder).length === 0) {
      fs.rmdirSync(folder);
      folder = path.dirname(folder);
    }
    fsyncDirectory(folder);
    return true;
  }

  private locate(cloudPath: string): string {
    const absolutePath = path.resolve(this.root, checkCloudPath(cloudPath));
    if (!absolutePath.startsWith(this.root + path.sep)) {
      throw new EmulatorError('INVALID_PARAM', `文件路径超出了存储目录：${cloudPath}`);
    }
    return absolutePath;
  }
}

/** Its own class so the HTTP side can answer 413 rather than 400. */
export class FileTooLargeError extends EmulatorError {
  constructor(maxBytes: number) {
    super('INVALID_PARAM', `文件超过本地存储的上限 ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
}

function tooLarge(maxBytes: number): FileTooLargeError {
  return new FileTooLargeError(maxBytes);
}

/**
 * mkdir -p, with a clear answer when one level of the path is already a file. Each new folder's entry
 * is fsync'ed in its parent, or a crash could lose the folder and the file renamed into it.
 */
function makeFolders(folder: string, cloudPath: string): void {
  try {
    const firstCreated = fs.mkdirSync(folder, { recursive: true });
    if (firstCreated === undefined) return;
    for (let level = folder; level !== path.dirname(firstCreated); level = path.dirname(level)) {
      fsyncDirectory(path.dirname(level));
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      throw new EmulatorError('INVALID_PARAM', `路径中的某一级已经是文件，不能再放文件：${cloudPath}`);
    }
    throw error;
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
