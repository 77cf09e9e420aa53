// node-sdk 3.18's database actions, answered the way @cloudbase/database 1.4 reads them:
// every answer is `{requestId, data: {...}}`; documents travel as canonical EJSON strings.
// The storage actions are answered by storage.ts.
import crypto from 'node:crypto';
import { aggregate } from 'mingo';
import type { Store } from './store';
import {
  assertStorableDocument,
  findPage,
  firstMatches,
  idKey,
  mingoCall,
  type ModifyResult,
  type SortSpec,
} from './collection';
import { mingoOptions, withGuards } from './mingo-guards';
import type { Transactions } from './transactions';
import { decodeEjson, decodeEjsonObject, encodeEjson, encodeReadDocument, isPlainObject, type Document } from './ejson';
import { EmulatorError } from './errors';
import type { LocalStorage } from './storage';

/** The SDK's own cap and default for get(): a raw request cannot ask for more either. */
export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

export type Params = Record<string, unknown>;
/** An answer: `data` goes under the body's `data`; `top` fields sit beside it (startTransaction's transactionId). */
export interface Answer {
  data?: Record<string, unknown>;
  top?: Record<string, unknown>;
}
type Handler = (backend: Backend, params: Params, now: Date) => Record<string, unknown>;
type StorageHandler = (storage: LocalStorage, params: Params, now: Date) => Record<string, unknown>;

/** What the actions work on: the database, its transactions and the file storage. */
export interface Backend {
  store: Store;
  transactions: Transactions;
  storage: LocalStorage;
}

/** The open transaction a request names, if it names one. */
function transactionOf(backend: Backend, params: Params) {
  return params.transactionId === undefined ? undefined : backend.transactions.get(params.transactionId);
}

const handlers: Record<string, Handler> = {
  'database.getDocument': (backend, params, now) => {
    const collection = backend.store.get(params.collectionName);
    const query = readQuery(params, now, 'optional');
    const options = {
      order: readOrder(params.order, now),
      offset: readCount(params.offset, 'offset', 0),
      limit: Math.min(readCount(params.limit, 'limit', 0) || DEFAULT_LIMIT, MAX_LIMIT),
      projection: params.projection === undefined ? undefined : decodeEjsonObject(params.projection, 'projection', now),
    };
    const transaction = transactionOf(backend, params);
    if (!transaction) return { list: collection.find(query, options).map(encodeReadDocument) };
    const view = backend.transactions.view(transaction, collection.name);
    return { list: findPage(view, query, options).map(encodeReadDocument) };
  },

  'database.calculateDocument': (backend, params, now) => ({
    total: backend.store.get(params.collectionName).count(readQuery(params, now, 'optional')),
  }),

  'database.insertDocument': (backend, params, now) => {
    if (!Array.isArray(params.data) || params.data.length === 0) {
      throw new EmulatorError('INVALID_PARAM', 'data 必须是非空的 EJSON 字符串数组');
    }
    const docs = params.data.map((item, index) => decodeEjsonObject(item, `data[${index}]`, now));
    const collection = backend.store.get(params.collectionName);
    const transaction = transactionOf(backend, params);
    if (!transaction) return { insertedIds: collection.insert(docs) };
    const view = backend.transactions.view(transaction, collection.name);
    const taken = new Set(view.map((doc) => idKey(doc._id)));
    const prepared = docs.map((doc) => {
      assertStorableDocument(doc);
      const withId = doc._id === undefined ? { _id: crypto.randomBytes(16).toString('hex'), ...doc } : doc;
      if (taken.has(idKey(withId._id))) {
        throw new EmulatorError(
          'DATABASE_DUPLICATE_WRITE',
          `集合 ${collection.name} 中已存在 _id 为 ${String(withId._id)} 的记录`,
        );
      }
      taken.add(idKey(withId._id));
      return withId;
    });
    backend.transactions.stage(
      transaction,
      collection.name,
      prepared.map((doc) => ({ put: doc })),
    );
    return { insertedIds: prepared.map((doc) => doc._id) };
  },

  'database.modifyDocument': (backend, params, now) => {
    const result = modify(backend, params, now);
    const answer: Record<string, unknown> = { updated: result.updated };
    if (result.upsertedId !== undefined) answer.upsert_id = result.upsertedId;
    return answer;
  },

  // CloudBase answers `doc: null` when nothing matched (node-sdk hands `doc` through as it came), and counts
  // the document found even when the update changed nothing: findAndModify reports MongoDB's n, not nModified.
  'database.modifyAndReturnDoc': (backend, params, now) => {
    const result = modify(backend, { ...params, multi: false }, now);
    return { updated: result.matched, doc: result.firstModified ? encodeEjson(result.firstModified) : null };
  },

  'database.removeDocument': (backend, params, now) => {
    const collection = backend.store.get(params.collectionName);
    const query = readQuery(params, now, 'required');
    const multi = readFlag(params.multi, 'multi', false);
    const transaction = transactionOf(backend, params);
    if (!transaction) return { deleted: collection.remove(query, multi) };
    const targets = firstMatches(backend.transactions.view(transaction, collection.name), query, multi ? Infinity : 1);
    backend.transactions.stage(
      transaction,
      collection.name,
      targets.map((doc) => ({ del: idKey(doc._id) })),
    );
    return { deleted: targets.length };
  },

  'database.aggregateDocuments': (backend, params, now) => {
    const pipeline = readPipeline(params.stages, now);
    const source = [...backend.store.get(params.collectionName).all()];
    const resolveCollection = (name: string) => [...backend.store.get(name).all()];
    const result = mingoCall('聚合操作', () =>
      aggregate(source, withGuards(pipeline), { ...mingoOptions(), collectionResolver: resolveCollection }),
    );
    return { list: result.map(encodeEjson) };
  },

  'database.addCollection': (backend, params) => {
    backend.store.create(params.collectionName);
    return {};
  },
};

/** Transaction control: answered beside `data`, where @cloudbase/database reads them. */
const transactionHandlers: Record<string, (backend: Backend, params: Params) => Record<string, unknown>> = {
  'database.startTransaction': (backend) => ({ transactionId: backend.transactions.start() }),
  'database.commitTransaction': (backend, params) => {
    backend.transactions.commit(params.transactionId);
    return {};
  },
  'database.abortTransaction': (backend, params) => {
    backend.transactions.abort(params.transactionId);
    return {};
  },
};

const storageHandlers: Record<string, StorageHandler> = {
  'storage.batchGetDownloadUrl': (storage, params, now) => storage.batchGetDownloadUrl(params, now),
  'storage.batchDeleteFile': (storage, params) => storage.batchDeleteFile(params),
  'storage.getUploadMetadata': (storage, params, now) => storage.getUploadMetadata(params, now),
};

/** Run one action; throws EmulatorError for anything the caller got wrong (WriteBlocked: retry later). */
export function runAction(backend: Backend, params: Params, now: Date): Answer {
  const action = params.action;
  if (typeof action !== 'string') throw new EmulatorError('INVALID_PARAM', '缺少 action');
  if (Object.hasOwn(storageHandlers, action)) return { data: storageHandlers[action](backend.storage, params, now) };
  if (Object.hasOwn(transactionHandlers, action)) return { top: transactionHandlers[action](backend, params) };
  const handler = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
  if (!handler) throw new EmulatorError('ACTION_NOT_SUPPORTED', `本地模拟器不支持的操作：${action}`);
  return { data: handler(backend, params, now) };
}

function modify(backend: Backend, params: Params, now: Date): ModifyResult {
  const collection = backend.store.get(params.collectionName);
  const query = readQuery(params, now, 'required');
  const data = decodeEjsonObject(params.data, 'data', now);
  if (Object.keys(data).length === 0) throw new EmulatorError('INVALID_PARAM', '更新内容不能为空');
  const options = {
    multi: readFlag(params.multi, 'multi', false),
    merge: readFlag(params.merge, 'merge', true),
    upsert: readFlag(params.upsert, 'upsert', false),
  };
  const transaction = transactionOf(backend, params);
  if (!transaction) return collection.modify(query, data, options);
  const view = backend.transactions.view(transaction, collection.name);
  const { records, answer } = collection.prepareModify(query, data, options, (max) => firstMatches(view, query, max));
  backend.transactions.stage(transaction, collection.name, records);
  return answer;
}

/**
 * The SDK sends no `query` (or '') when there is no where(): reads then match everything.
 * Writes demand a condition (where({}) is an explicit "all"), so a forgotten where() is caught.
 */
function readQuery(params: Params, now: Date, mode: 'optional' | 'required'): Document {
  if (params.query === undefined || params.query === '') {
    if (mode === 'required') throw new EmulatorError('INVALID_PARAM', '写操作必须带查询条件（where 或 doc）');
    return {};
  }
  return decodeEjsonObject(params.query, 'query', now);
}

function readOrder(value: unknown, now: Date): SortSpec | undefined {
  if (value === undefined) return undefined;
  const order = decodeEjsonObject(value, 'order', now);
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) {
      throw new EmulatorError('INVALID_PARAM', `排序方向无效：${field}`);
    }
  }
  return order as SortSpec;
}

function readCount(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new EmulatorError('INVALID_PARAM', `${name} 必须是非负整数`);
  }
  return value;
}

function readFlag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new EmulatorError('INVALID_PARAM', `${name} 必须是布尔值`);
  return value;
}

/** Stages arrive as `{stageKey: '$match', stageValue: '<EJSON or JSON>'}`. */
function readPipeline(stages: unknown, now: Date): Document[] {
  if (!Array.isArray(stages)) throw new EmulatorError('INVALID_PARAM', 'stages 必须是数组');
  return stages.map((stage, index) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
      throw new EmulatorError('INVALID_PARAM', `stages[${index}] 格式无效`);
    }
    return { [stage.stageKey]: decodeEjson(stage.stageValue, `stages[${index}]`, now) };
  });
}
