// Transactions as node-sdk 3.18 drives them (@cloudbase/database transaction/index.js):
// database.startTransaction -> {transactionId}; reads and writes carry `transactionId`;
// database.commitTransaction / database.abortTransaction. Semantics follow MongoDB's, which CloudBase
// runs on: a transaction reads one snapshot of the whole database, taken at its first read or write (as
// MongoDB's snapshot begins with the transaction's first operation, not when the session starts it), plus
// its own writes; its writes stay invisible until commit; writing a document that another open transaction
// has written, or that was changed by someone else after the snapshot, fails at once with
// DATABASE_TRANSACTION_CONFLICT and aborts the transaction (runTransaction then retries). A plain write to a
// document an open transaction holds waits until that transaction ends. An unknown, finished or expired
// transaction answers DATABASE_TRANSACTION_FAIL. Both refusals carry the service's own wording (as the SDK
// makers' tests expect it), so code that matches on it behaves the same here and in the cloud.
import crypto from 'node:crypto';
import type { Document } from './ejson';
import { EmulatorError } from './errors';
import { idKey } from './collection';
import type { JournalRecord } from './journal';
import type { Store } from './store';

/**
 * The service's own refusal says a transaction "must be commit or abort in 30 seconds" (below); CloudBase
 * documents no other figure, so that is the lifetime, counted from startTransaction.
 */
export const TRANSACTION_LIFETIME_MS = 30_000;

/** The service's messages, word for word as the SDK makers' tests compare them. */
export const TRANSACTION_NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';
export const TRANSACTION_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';

interface OpenTransaction {
  id: string;
  /** Per collection, the documents as they were at the transaction's first operation; undefined before it. */
  snapshots: Map<string, ReadonlyMap<string, Document>> | undefined;
  /** Per collection: document key -> its new version, or null when deleted. */
  writes: Map<string, Map<string, Document | null>>;
  timer: NodeJS.Timeout;
}

/** Thrown by a plain write that must wait for a transaction; the server retries it once `released` settles. */
export class WriteBlocked extends Error {
  constructor(readonly released: Promise<void>) {
    super('write waits for a transaction');
  }
}

export class Transactions {
  private readonly open = new Map<string, OpenTransaction>();
  private readonly locks = new Map<string, string>();
  private readonly endings = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private store: Store | undefined;

  attach(store: Store): void {
    this.store = store;
  }

  start(): string {
    this.requireStore();
    const id = crypto.randomUUID();
    const timer = setTimeout(() => this.end(id), TRANSACTION_LIFETIME_MS);
    timer.unref();
    this.open.set(id, { id, snapshots: undefined, writes: new Map(), timer });
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    this.endings.set(id, { promise, resolve });
    return id;
  }

  /** The open transaction, or DATABASE_TRANSACTION_FAIL. */
  get(id: unknown): OpenTransaction {
    const found = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!found) throw new EmulatorError('DATABASE_TRANSACTION_FAIL', TRANSACTION_NOT_EXIST_MESSAGE);
    return found;
  }

  /** The snapshot of every collection, taken at the transaction's first read or write. */
  private snapshotsOf(transaction: OpenTransaction): Map<string, ReadonlyMap<string, Document>> {
    if (!transaction.snapshots) {
      const store = this.requireStore();
      transaction.snapshots = new Map(store.names().map((name) => [name, store.get(name).snapshot()] as const));
    }
    return transaction.snapshots;
  }

  /** What the transaction sees of a collection: its snapshot with its own writes on top. */
  view(transaction: OpenTransaction, collection: string): Document[] {
    const store = this.requireStore();
    const base = this.snapshotsOf(transaction).get(collection) ?? store.get(collection).snapshot();
    const writes = transaction.writes.get(collection);
    if (!writes) return [...base.values()];
    const out: Document[] = [];
    for (const [key, doc] of base) {
      if (!writes.has(key)) out.push(doc);
      else if (writes.get(key)) out.push(writes.get(key)!);
    }
    for (const [key, doc] of writes) if (doc && !base.has(key)) out.push(doc);
    return out;
  }

  /**
   * Record writes in the transaction, or abort it with a conflict. A unique index is checked here, on
   * what the transaction sees, as MongoDB does: the duplicate write fails (DATABASE_DUPLICATE_WRITE)
   * and, as a failed write aborts a MongoDB transaction, ends it; commit checks again against what
   * others committed meanwhile.
   */
  stage(transaction: OpenTransaction, collection: string, records: JournalRecord[]): void {
    const store = this.requireStore();
    const live = store.get(collection);
    const snapshot = this.snapshotsOf(transaction).get(collection);
    for (const record of records) {
      const key = 'put' in record ? idKey(record.put._id) : record.del;
      const holder = this.locks.get(lockKey(collection, key));
      const changedSince = snapshot !== undefined && live.current(key) !== snapshot.get(key);
      if ((holder !== undefined && holder !== transaction.id) || changedSince) {
        this.end(transaction.id);
        throw new EmulatorError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT_MESSAGE);
      }
    }
    try {
      live.checkWriteOn(this.view(transaction, collection), records);
    } catch (error) {
      this.end(transaction.id);
      throw error;
    }
    let writes = transaction.writes.get(collection);
    if (!writes) transaction.writes.set(collection, (writes = new Map()));
    for (const record of records) {
      const key = 'put' in record ? idKey(record.put._id) : record.del;
      writes.set(key, 'put' in record ? record.put : null);
      this.locks.set(lockKey(collection, key), transaction.id);
    }
  }

  /** Apply every write of the transaction, all or none (a unique index refusing one applies none). */
  commit(id: unknown): void {
    const transaction = this.get(id);
    const store = this.requireStore();
    const batches = [...transaction.writes].map(([collection, writes]) => ({
      collection: store.get(collection),
      records: [...writes].map(([key, doc]): JournalRecord => (doc ? { put: doc } : { del: key })),
    }));
    try {
      store.writeTogether(batches);
    } finally {
      this.end(transaction.id);
    }
  }

  abort(id: unknown): void {
    this.end(this.get(id).id);
  }

  /** For plain writes: wait while an open transaction holds one of these documents. */
  checkUnlocked(collection: string, keys: string[]): void {
    for (const key of keys) {
      const holder = this.locks.get(lockKey(collection, key));
      if (holder !== undefined) throw new WriteBlocked(this.endings.get(holder)!.promise);
    }
  }

  close(): void {
    for (const id of [...this.open.keys()]) this.end(id);
  }

  private end(id: string): void {
    const transaction = this.open.get(id);
    if (!transaction) return;
    clearTimeout(transaction.timer);
    for (const [collection, writes] of transaction.writes) {
      for (const key of writes.keys()) {
        if (this.locks.get(lockKey(collection, key)) === id) this.locks.delete(lockKey(collection, key));
      }
    }
    this.open.delete(id);
    this.endings.get(id)?.resolve();
    this.endings.delete(id);
  }

  private requireStore(): Store {
    if (!this.store) throw new Error('transactions used before the store was opened');
    return this.store;
  }
}

function lockKey(collection: string, key: string): string {
  return `${collection}\u0000${key}`;
}
