// node-sdk 3.18's database actions, answered the way @cloudbase/database 1.4 reads them:
// every answer is `{requestId, data: {...}}`; documents travel as canonical EJSON strings.
// The storage actions are answered by storage.ts.
import { aggregate } from 'mingo';
import type { Store } from './store';
import { mingoCall, type Collection, type SortSpec } from './collection';
import { decodeEjson, decodeEjsonObject, encodeEjson, isPlainObject, type Document } from './ejson';
import { EmulatorError } from './errors';
import type { LocalStorage } from './storage';

/** The SDK's own cap and default for get(): a raw request cannot ask for more either. */
export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

export type Params = Record<string, unknown>;
type Handler = (store: Store, params: Params, now: Date) => Record<string, unknown>;
type StorageHandler = (storage: LocalStorage, params: Params, now: Date) => Record<string, unknown>;

/** What the actions work on: the database and the file storage. */
export interface Backend {
  store: Store;
  storage: LocalStorage;
}

const handlers: Record<string, Handler> = {
  'database.getDocument': (store, params, now) => {
    const collection = store.existing(params.collectionName);
    const query = readQuery(params, now, 'optional');
    const options = {
      order: readOrder(params.order, now),
      offset: readCount(params.offset, 'offset', 0),
      limit: Math.min(readCount(params.limit, 'limit', 0) || DEFAULT_LIMIT, MAX_LIMIT),
      projection: params.projection === undefined ? undefined : decodeEjsonObject(params.projection, 'projection', now),
    };
    const docs = collection ? collection.find(query, options) : [];
    return { list: docs.map(encodeEjson) };
  },

  'database.calculateDocument': (store, params, now) => {
    const collection = store.existing(params.collectionName);
    return { total: collection ? collection.count(readQuery(params, now, 'optional')) : 0 };
  },

  'database.insertDocument': (store, params, now) => {
    if (!Array.isArray(params.data) || params.data.length === 0) {
      throw new EmulatorError('INVALID_PARAM', 'data 必须是非空的 EJSON 字符串数组');
    }
    const docs = params.data.map((item, index) => decodeEjsonObject(item, `data[${index}]`, now));
    return { insertedIds: store.ensure(params.collectionName).insert(docs) };
  },

  'database.modifyDocument': (store, params, now) => {
    const result = modify(store.ensure(params.collectionName), params, now);
    const answer: Record<string, unknown> = { updated: result.updated };
    if (result.upsertedId !== undefined) answer.upsert_id = result.upsertedId;
    return answer;
  },

  'database.modifyAndReturnDoc': (store, params, now) => {
    const result = modify(store.ensure(params.collectionName), { ...params, multi: false }, now);
    return { updated: result.updated, doc: result.firstModified ? encodeEjson(result.firstModified) : undefined };
  },

  'database.removeDocument': (store, params, now) => {
    const collection = store.existing(params.collectionName);
    const query = readQuery(params, now, 'required');
    return { deleted: collection ? collection.remove(query, readFlag(params.multi, 'multi', false)) : 0 };
  },

  'database.aggregateDocuments': (store, params, now) => {
    const pipeline = readPipeline(params.stages, now);
    const collection = store.existing(params.collectionName);
    const source = collection ? [...collection.all()] : [];
    const resolveCollection = (name: string) => [...(store.existing(name)?.all() ?? [])];
    const result = mingoCall('聚合操作', () => aggregate(source, pipeline, { collectionResolver: resolveCollection }));
    return { list: result.map(encodeEjson) };
  },

  'database.addCollection': (store, params) => {
    store.create(params.collectionName);
    return {};
  },
};

const storageHandlers: Record<string, StorageHandler> = {
  'storage.batchGetDownloadUrl': (storage, params, now) => storage.batchGetDownloadUrl(params, now),
  'storage.batchDeleteFile': (storage, params) => storage.batchDeleteFile(params),
  'storage.getUploadMetadata': (storage, params, now) => storage.getUploadMetadata(params, now),
};

/** Run one action; throws EmulatorError for anything the caller got wrong. */
export function runAction(backend: Backend, params: Params, now: Date): Record<string, unknown> {
  const action = params.action;
  if (typeof action !== 'string') throw new EmulatorError('INVALID_PARAM', '缺少 action');
  if (Object.hasOwn(storageHandlers, action)) return storageHandlers[action](backend.storage, params, now);
  const handler = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
  if (!handler) throw new EmulatorError('ACTION_NOT_SUPPORTED', `本地模拟器不支持的操作：${action}`);
  if (params.transactionId !== undefined) {
    throw new EmulatorError('ACTION_NOT_SUPPORTED', '本地模拟器不支持事务');
  }
  return handler(backend.store, params, now);
}

function modify(collection: Collection, params: Params, now: Date) {
  const query = readQuery(params, now, 'required');
  const data = decodeEjsonObject(params.data, 'data', now);
  if (Object.keys(data).length === 0) throw new EmulatorError('INVALID_PARAM', '更新内容不能为空');
  return collection.modify(query, data, {
    multi: readFlag(params.multi, 'multi', false),
    merge: readFlag(params.merge, 'merge', true),
    upsert: readFlag(params.upsert, 'upsert', false),
  });
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
