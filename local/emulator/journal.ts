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

export class Journal {
  private constructor(
    private readonly file: string,
    private fd: number | undefined,
  ) {}

  /**
   * Replay `file` (if any) into `apply`, rewrite it compacted, and open it for appending.
   * A torn last line (the process died mid-append, before the write was acknowledged) is dropped.
   */
  static open(file: string, apply: (record: JournalRecord) => void, live: () => Iterable<Document>): Journal {
    if (fs.existsSync(file)) replay(file, apply);
    rewrite(file, live());
    return new Journal(file, fs.openSync(file, 'a'));
  }

  /** Append records as one write and fsync them: returns only once they are on disk. */
  append(records: JournalRecord[]): void {
    if (records.length === 0) return;
    if (this.fd === undefined) throw new Error(`journal ${this.file} is closed`);
    const text = records.map(encodeRecord).join('');
    fs.writeSync(this.fd, text);
    fs.fsyncSync(this.fd);
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
function rewrite(file: string, docs: Iterable<Document>): void {
  const temporary = `${file}.compact`;
  const fd = fs.openSync(temporary, 'w');
  try {
    let chunk = '';
    for (const doc of docs) {
      chunk += encodeRecord({ put: doc });
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    if (chunk) fs.writeSync(fd, chunk);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
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
