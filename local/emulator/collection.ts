// One collection: documents in memory (a Map keyed by _id, in insertion order) backed by a
// journal. Every method is synchronous, so a write's check -> journal -> apply sequence can
// never interleave with another request: Node runs it to completion on the event loop.
import crypto from 'node:crypto';
import { Query, find, update as applyUpdate } from 'mingo';
import type { Journal, JournalRecord } from './journal';
import { EJSON } from 'bson';
import { encodeEjson, isPlainObject, type Document } from './ejson';
import { EmulatorError } from './errors';

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
  upsertedId?: unknown;
  /** The first document after modification (for modifyAndReturnDoc). */
  firstModified?: Document;
}

export class Collection {
  private readonly docs = new Map<string, Document>();
  private journal: Journal | undefined;

  constructor(readonly name: string) {}

  attach(journal: Journal): void {
    this.journal = journal;
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

  find(query: Document, options: FindOptions): Document[] {
    const found = mingoCall('查询', () => {
      let cursor = find(this.candidates(query), query);
      if (options.order && Object.keys(options.order).length > 0) cursor = cursor.sort(options.order);
      const page = cursor.skip(options.offset).limit(options.limit).all() as Document[];
      // mingo's projection edits the documents it is given (an exclusion of a nested path such as
      // 'rendered.blocks' deletes it from the stored document): project copies of the page only.
      return options.projection
        ? (find(structuredClone(page), {}, options.projection as never).all() as Document[])
        : page;
    });
    // mingo lists projected fields before _id; the service, like MongoDB, puts _id first.
    return options.projection ? found.map((doc) => ('_id' in doc ? { _id: doc._id, ...doc } : doc)) : found;
  }

  count(query: Document): number {
    const candidates = this.candidates(query);
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
          'DATABASE_DUPLICATE_KEY',
          `集合 ${this.name} 中已存在 _id 为 ${String(doc._id)} 的记录`,
        );
      }
      seen.add(key);
    }
    this.write(prepared.map((doc) => ({ put: doc })));
    return prepared.map((doc) => doc._id);
  }

  modify(query: Document, data: Document, options: ModifyOptions): ModifyResult {
    const targets = this.matching(query, options.multi ? Infinity : 1);
    if (targets.length === 0) {
      return options.upsert ? this.upsert(query, data, options) : { updated: 0 };
    }
    const changed: Document[] = [];
    for (const doc of targets) {
      const next = modifiedCopy(doc, data, options.merge);
      if (encodeEjson(next) !== encodeEjson(doc)) changed.push(next);
    }
    this.write(changed.map((doc) => ({ put: doc })));
    return { updated: changed.length, firstModified: changed[0] ?? targets[0] };
  }

  remove(query: Document, multi: boolean): number {
    const targets = this.matching(query, multi ? Infinity : 1);
    this.write(targets.map((doc) => ({ del: idKey(doc._id) })));
    return targets.length;
  }

  private upsert(query: Document, data: Document, options: ModifyOptions): ModifyResult {
    const idFromQuery = query._id !== undefined && !isPlainObject(query._id) ? query._id : undefined;
    const base: Document = { _id: idFromQuery ?? newId() };
    const created = modifiedCopy(base, data, options.merge);
    assertStorableDocument(created);
    this.write([{ put: created }]);
    return { updated: 0, upsertedId: created._id, firstModified: created };
  }

  /** Journal first, memory second: if the disk write throws, nothing changed. */
  private write(records: JournalRecord[]): void {
    if (records.length === 0) return;
    if (!this.journal) throw new Error(`collection ${this.name} has no journal`);
    this.journal.append(records);
    for (const record of records) this.replay(record);
  }

  private matching(query: Document, max: number): Document[] {
    const candidates = this.candidates(query);
    if (isEmpty(query)) return candidates.slice(0, max);
    const matcher = compile(query);
    const out: Document[] = [];
    for (const doc of candidates) {
      if (out.length >= max) break;
      if (matcher.test(doc)) out.push(doc);
    }
    return out;
  }

  /** The _id index: `{_id: value}` (doc(id).get/update/remove) is one Map lookup. */
  private candidates(query: Document): Document[] {
    const id = query._id;
    if (id !== undefined && (typeof id === 'string' || typeof id === 'number')) {
      const doc = this.docs.get(idKey(id));
      return doc ? [doc] : [];
    }
    return [...this.docs.values()];
  }
}

/** Map key for an _id: strings stay as they are; other types are tagged so 1 and '1' differ. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${encodeEjson({ id })}`;
}

/** 32 hex characters, the shape of ids the CloudBase service generates. */
function newId(): string {
  return crypto.randomBytes(16).toString('hex');
}

function compile(query: Document): Query {
  return mingoCall('查询', () => new Query(query));
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

/** Apply an update to a deep copy (an EJSON round trip keeps every BSON type), never in place. */
function modifiedCopy(doc: Document, data: Document, merge: boolean): Document {
  const copy = EJSON.parse(encodeEjson(doc), { relaxed: true }) as Document;
  if (!hasOperators(data)) {
    if (!merge) {
      assertStorableDocument(data);
      return { _id: doc._id, ...withoutId(data) };
    }
    data = { $set: data };
  }
  assertTargetTypes(copy, data);
  mingoCall('更新操作', () => applyUpdate(copy, data as never, undefined, undefined, { cloneMode: 'deep' }));
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

/** Field names beginning with `$` would be read as operators later: refuse them on write. */
function assertStorableDocument(doc: Document): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key.startsWith('$')) throw new EmulatorError('INVALID_PARAM', `字段名不能以 $ 开头：${key}`);
        visit(item);
      }
    }
  };
  visit(doc);
}
