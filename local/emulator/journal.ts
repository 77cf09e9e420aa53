// Durable storage for one collection: an append-only journal of JSON lines.
// Each acknowledged write was appended and fsync'ed before the HTTP answer left, so a
// process killed with SIGKILL (or a machine losing power) loses nothing it confirmed.
// Opening a journal replays it and then compacts it to one `put` line per live document.
import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import type { Document } from './ejson';
import { encodeEjson } from './ejson';

/** One line of the journal: a whole document written, or a document removed by its key. */
export type JournalRecord = { put: Document } | { del: string };

/** fs.writeSync's shape for a buffer: how many bytes it wrote, which may be fewer than asked. */
export type WriteSync = (fd: number, buffer: Uint8Array, offset: number, length: number) => number;

const writeSync: WriteSync = (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length);

/**
 * Write every byte of `text`, looping over short writes (a disk nearly full writes part of a buffer
 * and reports how much): ignoring the count would acknowledge half a line.
 */
export function writeAll(fd: number, text: string, write: WriteSync = writeSync): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    const written = write(fd, bytes, offset, bytes.length - offset);
    if (!(written > 0)) throw new Error(`写入数据文件失败：写入 0 字节（剩余 ${bytes.length - offset} 字节）`);
    offset += written;
  }
}

export class Journal {
  private constructor(
    private readonly file: string,
    private fd: number | undefined,
    private readonly write: WriteSync,
  ) {}

  /**
   * Replay `file` (if any) into `apply`, rewrite it compacted, and open it for appending.
   * A torn last line (the process died mid-append, before the write was acknowledged) is dropped.
   */
  static open(
    file: string,
    apply: (record: JournalRecord) => void,
    live: () => Iterable<Document>,
    write: WriteSync = writeSync,
  ): Journal {
    if (fs.existsSync(file)) replay(file, apply);
    rewrite(file, live(), write);
    return new Journal(file, fs.openSync(file, 'a'), write);
  }

  /**
   * Append records as one write and fsync them: returns only once they are on disk. A write that
   * fails partway is cut back off the file before the error goes on, so no unacknowledged (and
   * possibly half) line stays behind for the next append to follow.
   */
  append(records: JournalRecord[]): void {
    if (records.length === 0) return;
    if (this.fd === undefined) throw new Error(`journal ${this.file} is closed`);
    const text = records.map(encodeRecord).join('');
    const sizeBefore = fs.fstatSync(this.fd).size;
    try {
      writeAll(this.fd, text, this.write);
      fs.fsyncSync(this.fd);
    } catch (error) {
      fs.ftruncateSync(this.fd, sizeBefore);
      fs.fsyncSync(this.fd);
      throw error;
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

function encodeRecord(record: JournalRecord): string {
  return `${encodeEjson(record)}\n`;
}

function replay(file: string, apply: (record: JournalRecord) => void): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let record: JournalRecord;
    try {
      record = EJSON.parse(line, { relaxed: true }) as JournalRecord;
    } catch (error) {
      const isLastLine = lines.slice(index + 1).every((rest) => rest.trim() === '');
      if (isLastLine) return; // torn tail of an unacknowledged write
      throw new Error(`数据文件已损坏：${file} 第 ${index + 1} 行无法解析（${String(error)}）`);
    }
    apply(record);
  });
}

/** Write the live documents to a temporary file, fsync it, then atomically rename it in place. */
function rewrite(file: string, docs: Iterable<Document>, write: WriteSync): void {
  const temporary = `${file}.compact`;
  const fd = fs.openSync(temporary, 'w');
  try {
    let chunk = '';
    for (const doc of docs) {
      chunk += encodeRecord({ put: doc });
      if (chunk.length > 1 << 20) {
        writeAll(fd, chunk, write);
        chunk = '';
      }
    }
    if (chunk) writeAll(fd, chunk, write);
    fs.fsyncSync(fd);
  } catch (error) {
    // The journal itself is untouched until the rename: drop the incomplete copy.
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temporary, file);
  fsyncDirectory(path.dirname(file));
}

/** Make a rename or a new file durable: the directory entry itself must reach the disk. */
export function fsyncDirectory(directory: string): void {
  const fd = fs.openSync(directory, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
