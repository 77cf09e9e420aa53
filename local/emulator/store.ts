// The emulated database: one Collection per name, each journalled to <dataDir>/<name>.jsonl.
// Like CloudBase, a collection exists only once it is created: the collections declared in
// core/database/collections.ts exist from the start (deploy creates them in the cloud), others only
// after db.createCollection(). Anything else answers DATABASE_COLLECTION_NOT_EXIST, as the real service.
import fs from 'node:fs';
import path from 'node:path';
import { Collection, type CollectionHooks } from './collection';
import { EJSON } from 'bson';
import { Journal, fsyncDirectory, type JournalRecord } from './journal';
import { encodeEjson } from './ejson';
import { EmulatorError } from './errors';
import type { IndexSpec } from './query-plan';

const JOURNAL_SUFFIX = '.jsonl';
/** A transaction commit spanning collections, written before any of them (see writeTogether). */
const PENDING_COMMIT = 'commit.pending';
/** Letters, digits, _ and -, as in CloudBase collection names: also safe as file names. */
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** What the emulator takes from the declaration: collection names and their indexes. */
export interface DeclaredCollection {
  name: string;
  indexes: readonly IndexSpec[];
}

export class Store {
  private readonly collections = new Map<string, Collection>();
  private readonly declared: Map<string, DeclaredCollection>;

  private constructor(
    private readonly dataDir: string,
    declaration: readonly DeclaredCollection[],
    private readonly hooks: CollectionHooks,
  ) {
    this.declared = new Map(declaration.map((collection) => [collection.name, collection]));
  }

  /** Open (and compact) every journal found in dataDir, and create the declared collections missing. */
  static open(dataDir: string, declaration: readonly DeclaredCollection[], hooks: CollectionHooks): Store {
    fs.mkdirSync(dataDir, { recursive: true });
    const store = new Store(dataDir, declaration, hooks);
    try {
      for (const entry of fs.readdirSync(dataDir)) {
        if (!entry.endsWith(JOURNAL_SUFFIX)) continue;
        const name = entry.slice(0, -JOURNAL_SUFFIX.length);
        if (COLLECTION_NAME.test(name)) store.load(name);
      }
      for (const name of store.declared.keys()) if (!store.collections.has(name)) store.load(name);
      store.finishPendingCommit();
      fsyncDirectory(dataDir);
    } catch (error) {
      store.close(); // release the journals already opened before refusing to start
      throw error;
    }
    return store;
  }

  /** The collection; DATABASE_COLLECTION_NOT_EXIST when it was neither declared nor created. */
  get(name: unknown): Collection {
    const valid = validName(name);
    const found = this.collections.get(valid);
    if (!found) {
      throw new EmulatorError(
        'DATABASE_COLLECTION_NOT_EXIST',
        `集合 ${valid} 不存在：请在 core/database/collections.ts 中声明它，或先调用 db.createCollection('${valid}')`,
      );
    }
    return found;
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  create(name: unknown): void {
    const valid = validName(name);
    if (this.collections.has(valid)) {
      throw new EmulatorError('DATABASE_COLLECTION_ALREADY_EXIST', `集合 ${valid} 已存在`);
    }
    this.load(valid);
    fsyncDirectory(this.dataDir);
  }

  /**
   * Apply a transaction's writes to several collections as one: the whole commit is written (and fsync'ed)
   * to a redo file first, then to each journal, then the file goes. A crash in between leaves the file,
   * and the next start finishes the commit (puts and deletes by _id are idempotent); a torn redo file is a
   * commit that was never acknowledged, and is dropped.
   */
  writeTogether(batches: Array<{ collection: Collection; records: JournalRecord[] }>): void {
    const live = batches.filter((batch) => batch.records.length > 0);
    for (const batch of live) batch.collection.checkWrite(batch.records);
    if (live.length <= 1) {
      for (const batch of live) batch.collection.write(batch.records);
      return;
    }
    const file = path.join(this.dataDir, PENDING_COMMIT);
    const text = `${encodeEjson({ batches: live.map((batch) => ({ collection: batch.collection.name, records: batch.records })) })}\n`;
    const fd = fs.openSync(file, 'w');
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fsyncDirectory(this.dataDir);
    for (const batch of live) batch.collection.write(batch.records);
    fs.rmSync(file);
    fsyncDirectory(this.dataDir);
  }

  private finishPendingCommit(): void {
    const file = path.join(this.dataDir, PENDING_COMMIT);
    if (!fs.existsSync(file)) return;
    let pending: { batches: Array<{ collection: string; records: JournalRecord[] }> } | undefined;
    try {
      pending = EJSON.parse(fs.readFileSync(file, 'utf8'), { relaxed: true }) as typeof pending;
    } catch {
      pending = undefined; // torn: the commit was never acknowledged
    }
    for (const batch of pending?.batches ?? []) this.collections.get(batch.collection)?.write(batch.records);
    fs.rmSync(file);
  }

  names(): string[] {
    return [...this.collections.keys()];
  }

  close(): void {
    for (const collection of this.collections.values()) collection.close();
    this.collections.clear();
  }

  private load(name: string): Collection {
    const collection = new Collection(name, this.declared.get(name)?.indexes ?? [], this.hooks);
    const journal = Journal.open(
      path.join(this.dataDir, `${name}${JOURNAL_SUFFIX}`),
      (record) => collection.replay(record),
      () => collection.all(),
    );
    collection.attach(journal);
    this.collections.set(name, collection);
    return collection;
  }
}

function validName(name: unknown): string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw new EmulatorError('INVALID_PARAM', `集合名无效：${String(name)}（只能包含字母、数字、_ 和 -）`);
  }
  return name;
}
