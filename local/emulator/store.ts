// The emulated database: one Collection per name, each journalled to <dataDir>/<name>.jsonl.
// Collections are created on first write (the real service needs them created in the console
// first; the emulator is lenient so local seeding needs no extra step) and read as empty before.
import fs from 'node:fs';
import path from 'node:path';
import { Collection } from './collection';
import { Journal, fsyncDirectory } from './journal';
import { EmulatorError } from './errors';

const JOURNAL_SUFFIX = '.jsonl';
/** Letters, digits, _ and -, as in CloudBase collection names: also safe as file names. */
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,128}$/;

export class Store {
  private readonly collections = new Map<string, Collection>();

  private constructor(private readonly dataDir: string) {}

  /** Open (and compact) every journal found in dataDir. */
  static open(dataDir: string): Store {
    fs.mkdirSync(dataDir, { recursive: true });
    const store = new Store(dataDir);
    try {
      for (const entry of fs.readdirSync(dataDir)) {
        if (!entry.endsWith(JOURNAL_SUFFIX)) continue;
        const name = entry.slice(0, -JOURNAL_SUFFIX.length);
        if (COLLECTION_NAME.test(name)) store.load(name);
      }
    } catch (error) {
      store.close(); // release the journals already opened before refusing to start
      throw error;
    }
    return store;
  }

  /** An existing collection, or undefined (reads of a missing collection see no documents). */
  existing(name: unknown): Collection | undefined {
    return this.collections.get(validName(name));
  }

  /** The collection, created (with an empty, fsync'ed journal) if it does not exist yet. */
  ensure(name: unknown): Collection {
    const valid = validName(name);
    const found = this.collections.get(valid);
    if (found) return found;
    const created = this.load(valid);
    fsyncDirectory(this.dataDir);
    return created;
  }

  create(name: unknown): void {
    if (this.collections.has(validName(name))) {
      throw new EmulatorError('DATABASE_COLLECTION_ALREADY_EXIST', `集合 ${String(name)} 已存在`);
    }
    this.ensure(name);
  }

  close(): void {
    for (const collection of this.collections.values()) collection.close();
    this.collections.clear();
  }

  private load(name: string): Collection {
    const collection = new Collection(name);
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
