// One collection: documents in memory (a Map keyed by _id, in insertion order) backed by a journal,
// with the declared indexes kept beside them. Every method is synchronous, so a write's
// check -> journal -> apply sequence can never interleave with another request: Node runs it to
// completion on the event loop. Documents are never changed in place (an update writes a new object),
// so a transaction's snapshot is simply the Map as it was (copied on the next write, not before).
import crypto from 'node:crypto';
import { Query, find, update as applyUpdate } from 'mingo';
import type { Journal, JournalRecord } from './journal';
import { EJSON } from 'bson';
import { encodeEjson, isPlainObject, type Document } from './ejson';
import { EmulatorError } from './errors';
import { MemoryIndex } from './indexes';
import { mingoOptions, withGuards } from './mingo-guards';
import { describeShape, planQuery, type IndexSpec, type Plan } from './query-plan';
import { compareValues, isIndexableScalar } from './values';

export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  order?: SortSpec;
  offset: number;
  limit: number;
  projection?: Record<string, unknown>;
}

export interface ModifyOptions {
  multi: boolean;
  /** true: plain fields are merged ($set); false: a plain object replaces the document (doc.set). */
  merge: boolean;
  upsert: boolean;
}

export interface ModifyResult {
  updated: number;
  /** Documents the query found (MongoDB's n); findAndModify (updateAndReturn) reports this one. */
  matched: number;
  upsertedId?: unknown;
  /** The first document after modification (for modifyAndReturnDoc); undefined when none matched. */
  firstModified?: Document;
}

/** What the collection needs from around it: where warnings go, and which documents a transaction holds. */
export interface CollectionHooks {
  warn(message: string): void;
  /** Throws (or waits, see transactions.ts) when an open transaction has written this document. */
  checkUnlocked(collection: string, ids: string[]): void;
}

/** MongoDB refuses documents nested deeper than this. */
export const MAX_NESTING_DEPTH = 100;

export class Collection {
  private docs = new Map<string, Document>();
  /** A transaction holds the current Map as its snapshot: copy before the next write. */
  private shared = false;
  private journal: Journal | undefined;
  private readonly indexes: MemoryIndex[];
  private readonly warned = new Set<string>();

  constructor(
    readonly name: string,
    indexSpecs: readonly IndexSpec[],
    private readonly hooks: CollectionHooks,
  ) {
    this.indexes = indexSpecs.map((spec) => new MemoryIndex(spec, name));
  }

  attach(journal: Journal): void {
    this.journal = journal;
    for (const index of this.indexes) index.reset(this.docs);
  }

  close(): void {
    this.journal?.close();
    this.journal = undefined;
  }

  /** Replay one journal record into memory (used only while opening). */
  replay(record: JournalRecord): void {
    if ('put' in record) this.docs.set(idKey(record.put._id), record.put);
    else this.docs.delete(record.del);
  }

  all(): Iterable<Document> {
    return this.docs.values();
  }

  /** The documents as they are now, for a transaction to read while others write. */
  snapshot(): ReadonlyMap<string, Document> {
    this.shared = true;
    return this.docs;
  }

  current(key: string): Document | undefined {
    return this.docs.get(key);
  }

  find(query: Document, options: FindOptions): Document[] {
    const plan = this.plan(query, options.order);
    const wanted = options.offset + options.limit;
    const source =
      plan.choice?.sortServed && options.order
        ? this.sortedCandidates(query, plan, wanted)
        : this.candidates(query, plan);
    return findPage(source, query, options);
  }

  count(query: Document): number {
    const candidates = this.candidates(query, this.plan(query, undefined));
    if (isEmpty(query)) return candidates.length;
    const matcher = compile(query);
    return candidates.filter((doc) => matcher.test(doc)).length;
  }

  insert(newDocs: Document[]): unknown[] {
    const prepared = newDocs.map((doc) => {
      assertStorableDocument(doc);
      return doc._id === undefined ? { _id: newId(), ...doc } : doc;
    });
    const seen = new Set<string>();
    for (const doc of prepared) {
      const key = idKey(doc._id);
      if (this.docs.has(key) || seen.has(key)) {
        throw new EmulatorError(
          'DATABASE_DUPLICATE_WRITE',
          `集合 ${this.name} 中已存在 _id 为 ${String(doc._id)} 的记录`,
        );
      }
      seen.add(key);
    }
    this.hooks.checkUnlocked(this.name, [...seen]);
    this.write(prepared.map((doc) => ({ put: doc })));
    return prepared.map((doc) => doc._id);
  }

  modify(query: Document, data: Document, options: ModifyOptions): ModifyResult {
    const result = this.prepareModify(query, data, options, (max) => this.matching(query, max));
    this.hooks.checkUnlocked(
      this.name,
      result.records.map((record) => ('put' in record ? idKey(record.put._id) : record.del)),
    );
    this.write(result.records);
    return result.answer;
  }

  /**
   * The records a modification would write and its answer, without writing: used directly and by
   * transactions (which look the documents up in their own view through `matching`).
   */
  prepareModify(
    query: Document,
    data: Document,
    options: ModifyOptions,
    matching: (max: number) => Document[],
  ): { records: JournalRecord[]; answer: ModifyResult } {
    const targets = matching(options.multi ? Infinity : 1);
    if (targets.length === 0) {
      if (!options.upsert) return { records: [], answer: { updated: 0, matched: 0 } };
      const idFromQuery = query._id !== undefined && !isPlainObject(query._id) ? query._id : undefined;
      const created = modifiedCopy({ _id: idFromQuery ?? newId() }, data, options.merge);
      assertStorableDocument(created);
      return {
        records: [{ put: created }],
        answer: { updated: 0, matched: 0, upsertedId: created._id, firstModified: created },
      };
    }
    const changed: Document[] = [];
    const after: Document[] = [];
    for (const doc of targets) {
      const next = modifiedCopy(doc, data, options.merge);
      assertStorableDocument(next);
      after.push(next);
      if (encodeEjson(next) !== encodeEjson(doc)) changed.push(next);
    }
    // CloudBase counts a replacement (doc.set) by the document it matched, even when nothing changed;
    // an update counts the documents it changed (MongoDB's nModified).
    const updated = options.merge ? changed.length : targets.length;
    return {
      records: changed.map((doc) => ({ put: doc })),
      answer: { updated, matched: targets.length, firstModified: after[0] },
    };
  }

  remove(query: Document, multi: boolean): number {
    const targets = this.matching(query, multi ? Infinity : 1);
    const keys = targets.map((doc) => idKey(doc._id));
    this.hooks.checkUnlocked(this.name, keys);
    this.write(keys.map((key) => ({ del: key })));
    return targets.length;
  }

  /** Throws what write() would refuse (a unique index), without writing. */
  checkWrite(records: JournalRecord[]): void {
    const changes = this.changesOf(records);
    for (const index of this.indexes) index.checkUnique(changes);
  }

  /**
   * Throws what a unique index would refuse if `records` were written over `view` (a transaction's
   * snapshot plus its own writes) rather than over the live documents: MongoDB refuses the duplicate
   * at the write inside the transaction, not at commit.
   */
  checkWriteOn(view: Iterable<Document>, records: JournalRecord[]): void {
    const unique = this.indexes.filter((index) => index.spec.unique);
    if (unique.length === 0) return;
    const docs = new Map([...view].map((doc) => [idKey(doc._id), doc] as const));
    const changes = this.changesOf(records, docs);
    for (const index of unique) index.checkUnique(changes, index.ownersOf(docs));
  }

  /** Journal first, memory second: if a unique index refuses or the disk write throws, nothing changed. */
  write(records: JournalRecord[]): void {
    if (records.length === 0) return;
    if (!this.journal) throw new Error(`collection ${this.name} has no journal`);
    const changes = this.changesOf(records);
    for (const index of this.indexes) index.checkUnique(changes);
    this.journal.append(records);
    if (this.shared) {
      this.docs = new Map(this.docs);
      this.shared = false;
    }
    const large = records.length > 64;
    for (const change of changes) {
      if (change.after) this.docs.set(change.id, change.after);
      else this.docs.delete(change.id);
      for (const index of this.indexes) index.apply(change.id, change.before, change.after, large);
    }
  }

  private changesOf(
    records: JournalRecord[],
    base: ReadonlyMap<string, Document> = this.docs,
  ): Array<{ id: string; before?: Document; after?: Document }> {
    const pending = new Map<string, Document | undefined>();
    return records.map((record) => {
      const id = 'put' in record ? idKey(record.put._id) : record.del;
      const before = pending.has(id) ? pending.get(id) : base.get(id);
      const after = 'put' in record ? record.put : undefined;
      pending.set(id, after);
      return { id, before, after };
    });
  }

  private matching(query: Document, max: number): Document[] {
    const candidates = this.candidates(query, this.plan(query, undefined));
    return firstMatches(candidates, query, max);
  }

  private plan(query: Document, order: SortSpec | undefined): Plan {
    const plan = planQuery(
      this.indexes.map((index) => index.spec),
      query,
      order,
    );
    if (!plan.served) {
      const shape = describeShape(plan.branches, order);
      if (!this.warned.has(shape)) {
        this.warned.add(shape);
        this.hooks.warn(
          `[emulator] 警告：集合 ${this.name} 的查询没有可用的索引（${shape}），在云端会全表扫描；请在 core/database/collections.ts 中为它声明索引`,
        );
      }
    }
    return plan;
  }

  /** The documents a query needs to look at: by _id, through an index's equality prefix, or all. */
  private candidates(query: Document, plan: Plan): Document[] {
    const id = query._id;
    if (id !== undefined && (typeof id === 'string' || typeof id === 'number')) {
      const doc = this.docs.get(idKey(id));
      return doc ? [doc] : [];
    }
    const index = this.usableIndex(plan);
    if (!index || !plan.choice) return [...this.docs.values()];
    const out: Document[] = [];
    for (const entry of index.range(plan.choice.equalities, false, this.docs)) out.push(this.docs.get(entry.id)!);
    return out;
  }

  /**
   * For a sort the index serves: walk it in order and stop once `wanted` documents matched and the
   * next entry no longer ties with the last one taken (mingo then sorts this short list fully).
   */
  private sortedCandidates(query: Document, plan: Plan, wanted: number): Document[] {
    const index = this.usableIndex(plan);
    if (!index || !plan.choice) return this.candidates(query, plan);
    const matcher = compile(query);
    const sortedFields = index.spec.keys.length;
    const out: Document[] = [];
    let lastKey: unknown[] | undefined;
    for (const entry of index.range(plan.choice.equalities, plan.choice.backward, this.docs)) {
      if (out.length >= wanted && lastKey && !sameKey(entry.key, lastKey, sortedFields)) break;
      const doc = this.docs.get(entry.id)!;
      if (!matcher.test(doc)) continue;
      out.push(doc);
      lastKey = entry.key;
    }
    return out;
  }

  private usableIndex(plan: Plan): MemoryIndex | undefined {
    if (!plan.choice || !plan.choice.equalities.every(isIndexableScalar)) return undefined;
    const index = this.indexes.find((item) => item.spec === plan.choice!.index);
    return index && !index.multikey ? index : undefined;
  }
}

function sameKey(a: unknown[], b: unknown[], length: number): boolean {
  for (let i = 0; i < length; i++) if (compareValues(a[i], b[i]) !== 0) return false;
  return true;
}

export function firstMatches(candidates: Iterable<Document>, query: Document, max: number): Document[] {
  const list = [...candidates];
  if (isEmpty(query)) return list.slice(0, max);
  const matcher = compile(query);
  const out: Document[] = [];
  for (const doc of list) {
    if (out.length >= max) break;
    if (matcher.test(doc)) out.push(doc);
  }
  return out;
}

/** Map key for an _id: strings stay as they are; other types are tagged so 1 and '1' differ. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${encodeEjson({ id })}`;
}

/** 32 hex characters, the shape of ids the CloudBase service generates. */
function newId(): string {
  return crypto.randomBytes(16).toString('hex');
}

export function compile(query: Document): Query {
  return mingoCall('查询', () => new Query(withGuards(query), mingoOptions()));
}

/** mingo throws on operators it does not know or cannot apply: that is the caller's mistake. */
export function mingoCall<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EmulatorError) throw error;
    throw new EmulatorError('DATABASE_REQUEST_FAILED', `${what}无效：${(error as Error).message}`);
  }
}

function isEmpty(query: Document): boolean {
  return Object.keys(query).length === 0;
}

function hasOperators(data: Document): boolean {
  return Object.keys(data).some((key) => key.startsWith('$'));
}

/**
 * One page of a query over `source` (stored documents or a transaction's view): filter, sort, skip, limit,
 * then the projection. mingo's projection edits the documents it is given (excluding a nested path such as
 * 'rendered.blocks' deletes it from the stored document), so only copies of the page are projected.
 */
export function findPage(source: Iterable<Document> | Document[], query: Document, options: FindOptions): Document[] {
  const page = mingoCall('查询', () => {
    let cursor = find([...source], withGuards(query), undefined, mingoOptions());
    if (options.order && Object.keys(options.order).length > 0) cursor = cursor.sort(options.order);
    return cursor.skip(options.offset).limit(options.limit).all() as Document[];
  });
  if (!options.projection) return page;
  const projected = mingoCall(
    '查询',
    () => find(page.map(deepCopy), {}, options.projection as never, mingoOptions()).all() as Document[],
  );
  // mingo lists projected fields before _id; the service, like MongoDB, puts _id first.
  return projected.map((doc) => ('_id' in doc ? { _id: doc._id, ...doc } : doc));
}

/** A deep copy that keeps every BSON type (an EJSON round trip). */
function deepCopy(doc: Document): Document {
  return EJSON.parse(encodeEjson(doc), { relaxed: true }) as Document;
}

/** Apply an update to a deep copy (an EJSON round trip keeps every BSON type), never in place. */
export function modifiedCopy(doc: Document, data: Document, merge: boolean): Document {
  const copy = deepCopy(doc);
  if (!hasOperators(data)) {
    if (!merge) {
      assertStorableDocument(data);
      return { _id: doc._id, ...withoutId(data) };
    }
    data = { $set: data };
  }
  assertTargetTypes(copy, data);
  mingoCall('更新操作', () =>
    applyUpdate(copy, withGuards(data) as never, undefined, undefined, {
      cloneMode: 'deep',
      queryOptions: mingoOptions(),
    }),
  );
  if (encodeEjson({ id: copy._id }) !== encodeEjson({ id: doc._id })) {
    throw new EmulatorError('INVALID_PARAM', '不能更新 _id 的值');
  }
  return copy;
}

/** Operators MongoDB refuses on a field of the wrong type, where mingo would silently do nothing. */
const TARGET_TYPE: Record<string, { accepts: (value: unknown) => boolean; name: string }> = {
  $inc: { accepts: (value) => typeof value === 'number', name: '数字' },
  $mul: { accepts: (value) => typeof value === 'number', name: '数字' },
  $push: { accepts: Array.isArray, name: '数组' },
  $addToSet: { accepts: Array.isArray, name: '数组' },
  $pop: { accepts: Array.isArray, name: '数组' },
  $pull: { accepts: Array.isArray, name: '数组' },
  $pullAll: { accepts: Array.isArray, name: '数组' },
};

function assertTargetTypes(doc: Document, data: Document): void {
  for (const [operator, rule] of Object.entries(TARGET_TYPE)) {
    const fields = data[operator];
    if (!isPlainObject(fields)) continue;
    for (const fieldPath of Object.keys(fields)) {
      const current = valueAtPath(doc, fieldPath);
      if (current !== undefined && !rule.accepts(current)) {
        throw new EmulatorError('DATABASE_REQUEST_FAILED', `${operator} 只能用于${rule.name}字段，${fieldPath} 不是`);
      }
    }
  }
}

function valueAtPath(doc: unknown, fieldPath: string): unknown {
  let value = doc;
  for (const part of fieldPath.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function withoutId(data: Document): Document {
  const { _id: _ignored, ...rest } = data;
  return rest;
}

/**
 * What MongoDB refuses to store: a field name beginning with `$` (it would be read as an operator
 * later; CloudBase answers DATABASE_REQUEST_FAILED) and nesting deeper than 100 levels (such a
 * document could not be read back, and its journal line would stop the emulator from starting).
 */
export function assertStorableDocument(doc: Document): void {
  const visit = (value: unknown, depth: number): void => {
    if (!Array.isArray(value) && !isPlainObject(value)) return;
    if (depth > MAX_NESTING_DEPTH) {
      throw new EmulatorError('DATABASE_REQUEST_FAILED', `文档嵌套超过 ${MAX_NESTING_DEPTH} 层`);
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$')) throw new EmulatorError('DATABASE_REQUEST_FAILED', `字段名不能以 $ 开头：${key}`);
      visit(item, depth + 1);
    }
  };
  visit(doc, 1);
}
