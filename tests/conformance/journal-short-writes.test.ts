// The journal under a disk nearly full: fs.writeSync may write fewer bytes than asked and say so.
// Every byte of an acknowledged append must reach the file, and an append that fails partway must
// leave the file exactly as it was (no half line that the next append would follow).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal, type JournalRecord, type WriteSync } from '../../local/emulator/journal';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function journalFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-journal-'));
  folders.push(folder);
  return path.join(folder, 'items.jsonl');
}

/** A write that writes one byte per call, as a nearly full disk may; after `budget` bytes it fails. */
function oneByteAtATime(budget = Infinity): WriteSync {
  let written = 0;
  return (fd, buffer, offset) => {
    if (written >= budget) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    written += 1;
    return fs.writeSync(fd, buffer, offset, 1);
  };
}

function replayed(file: string): JournalRecord[] {
  const records: JournalRecord[] = [];
  Journal.open(
    file,
    (record) => records.push(record),
    () => [],
  ).close();
  return records;
}

test('an append written one byte at a time reaches the file whole', () => {
  const file = journalFile();
  const journal = Journal.open(
    file,
    () => undefined,
    () => [],
    oneByteAtATime(),
  );
  journal.append([{ put: { _id: 'a', title: '履职学堂' } }, { del: 'b' }]);
  journal.close();
  expect(replayed(file)).toEqual([{ put: { _id: 'a', title: '履职学堂' } }, { del: 'b' }]);
});

test('compaction written one byte at a time keeps every live document', () => {
  const file = journalFile();
  const docs = [
    { _id: 'a', n: 1 },
    { _id: 'b', n: 2 },
  ];
  Journal.open(
    file,
    () => undefined,
    () => docs,
    oneByteAtATime(),
  ).close();
  expect(replayed(file)).toEqual(docs.map((doc) => ({ put: doc })));
});

test('an append failing partway is cut back off: the file is as before and the error goes on', () => {
  const file = journalFile();
  Journal.open(
    file,
    () => undefined,
    () => [{ _id: 'a', n: 1 }],
  ).close();
  const sizeBefore = fs.statSync(file).size;
  // Opening compacts (sizeBefore bytes); the append then gets 10 bytes in before the disk is full.
  const journal = Journal.open(
    file,
    () => undefined,
    () => [{ _id: 'a', n: 1 }],
    oneByteAtATime(sizeBefore + 10),
  );
  expect(() => journal.append([{ put: { _id: 'b', text: '一条会写到一半的记录' } }])).toThrow('ENOSPC');
  expect(fs.statSync(file).size).toBe(sizeBefore);
  journal.close();
  expect(replayed(file)).toEqual([{ put: { _id: 'a', n: 1 } }]);
});
