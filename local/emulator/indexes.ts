// One declared index in memory: its entries (key values + document key) kept sorted in the index's
// order, so an equality prefix is a binary search and a sort the index serves is a walk that stops
// once the page is full. Unique indexes also keep a map from key to document, checked before any
// write reaches the journal. A document whose indexed field holds an array makes the index
// "multikey": it still counts for planning, but reads go back to a scan (correct, only slower).
import { encodeEjson, type Document } from './ejson';
import { EmulatorError } from './errors';
import type { IndexSpec } from './query-plan';
import { compareValues, valueAtPath } from './values';

interface Entry {
  key: unknown[];
  id: string;
}

export class MemoryIndex {
  private entries: Entry[] = [];
  /** Rebuilt on next use (after a replay or a large batch) instead of one insertion at a time. */
  private dirty = true;
  private readonly arrayDocs = new Set<string>();
  private readonly uniqueOwners = new Map<string, string>();

  constructor(
    readonly spec: IndexSpec,
    private readonly collectionName: string,
  ) {}

  get multikey(): boolean {
    return this.arrayDocs.size > 0;
  }

  keyOf(doc: Document): { key: unknown[]; array: boolean } {
    let array = false;
    const key = this.spec.keys.map(({ field }) => {
      const found = valueAtPath(doc, field);
      array ||= found.reachedArray;
      return found.value ?? null;
    });
    return { key, array };
  }

  private uniqueKey(doc: Document): string {
    return encodeEjson({ k: this.keyOf(doc).key });
  }

  private compare(a: Entry, b: Entry): number {
    for (let i = 0; i < this.spec.keys.length; i++) {
      const order = compareValues(a.key[i], b.key[i]) * this.spec.keys[i].direction;
      if (order !== 0) return order;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  /** Refuse a batch that would give two documents the same key (MongoDB: a missing field is null). */
  checkUnique(
    changes: Array<{ id: string; before?: Document; after?: Document }>,
    owners: ReadonlyMap<string, string> = this.uniqueOwners,
  ): void {
    if (!this.spec.unique) return;
    const overlay = new Map<string, string | null>();
    const owner = (key: string) => (overlay.has(key) ? overlay.get(key) : owners.get(key));
    for (const change of changes) {
      if (change.before) {
        const old = this.uniqueKey(change.before);
        if (owner(old) === change.id) overlay.set(old, null);
      }
      if (change.after) {
        const next = this.uniqueKey(change.after);
        const holder = owner(next);
        if (holder && holder !== change.id) {
          const fields = this.spec.keys.map((key) => key.field).join(', ');
          throw new EmulatorError(
            'DATABASE_DUPLICATE_WRITE',
            `E11000 duplicate key error collection: ${this.collectionName} index: ${this.spec.name} dup key（${fields}）`,
          );
        }
        overlay.set(next, change.id);
      }
    }
  }

  /** Which document holds each unique key among `docs` (keyed by their _id key): a view other than the live one. */
  ownersOf(docs: ReadonlyMap<string, Document>): ReadonlyMap<string, string> {
    const owners = new Map<string, string>();
    for (const [id, doc] of docs) owners.set(this.uniqueKey(doc), id);
    return owners;
  }

  /** Keep the index in step with one document changing (before and/or after). */
  apply(id: string, before: Document | undefined, after: Document | undefined, batchIsLarge: boolean): void {
    if (this.spec.unique) {
      if (before) {
        const old = this.uniqueKey(before);
        if (this.uniqueOwners.get(old) === id) this.uniqueOwners.delete(old);
      }
      if (after) this.uniqueOwners.set(this.uniqueKey(after), id);
    }
    this.arrayDocs.delete(id);
    if (after && this.keyOf(after).array) this.arrayDocs.add(id);
    if (batchIsLarge) this.dirty = true;
    if (this.dirty) return;
    if (before) {
      const position = this.search({ key: this.keyOf(before).key, id });
      if (position.found) this.entries.splice(position.index, 1);
    }
    if (after)
      this.entries.splice(this.search({ key: this.keyOf(after).key, id }).index, 0, { key: this.keyOf(after).key, id });
  }

  /** Fill the unique map and the array marks from all documents (after a replay). */
  reset(docs: Map<string, Document>): void {
    this.uniqueOwners.clear();
    this.arrayDocs.clear();
    for (const [id, doc] of docs) {
      if (this.keyOf(doc).array) this.arrayDocs.add(id);
      if (!this.spec.unique) continue;
      const key = this.uniqueKey(doc);
      if (this.uniqueOwners.has(key)) {
        console.warn(`[emulator] 集合 ${this.collectionName} 已有数据违反唯一索引 ${this.spec.name}（_id ${id}）`);
      } else this.uniqueOwners.set(key, id);
    }
    this.dirty = true;
  }

  /** Document keys whose leading fields equal `prefix`, in index order (or reversed). */
  *range(prefix: unknown[], backward: boolean, docs: Map<string, Document>): Generator<{ id: string; key: unknown[] }> {
    this.rebuildIfDirty(docs);
    const matchesPrefix = (entry: Entry) => prefix.every((value, i) => compareValues(entry.key[i], value) === 0);
    const low = this.bound(prefix, -1);
    const high = this.bound(prefix, 1);
    if (!backward) {
      for (let i = low; i < high; i++) if (matchesPrefix(this.entries[i])) yield this.entries[i];
    } else {
      for (let i = high - 1; i >= low; i--) if (matchesPrefix(this.entries[i])) yield this.entries[i];
    }
  }

  private rebuildIfDirty(docs: Map<string, Document>): void {
    if (!this.dirty) return;
    this.entries = [...docs].map(([id, doc]) => ({ key: this.keyOf(doc).key, id }));
    this.entries.sort((a, b) => this.compare(a, b));
    this.dirty = false;
  }

  /** First position whose prefix is >= (side -1) or > (side 1) the given prefix. */
  private bound(prefix: unknown[], side: -1 | 1): number {
    let [low, high] = [0, this.entries.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      let order = 0;
      for (let i = 0; i < prefix.length && order === 0; i++) {
        order = compareValues(this.entries[middle].key[i], prefix[i]) * this.spec.keys[i].direction;
      }
      if (order < 0 || (order === 0 && side === 1)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private search(entry: Entry): { index: number; found: boolean } {
    let [low, high] = [0, this.entries.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compare(this.entries[middle], entry) < 0) low = middle + 1;
      else high = middle;
    }
    return { index: low, found: low < this.entries.length && this.compare(this.entries[low], entry) === 0 };
  }
}
