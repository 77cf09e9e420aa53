// Query planning through the declared indexes, the way MongoDB picks an index: a query is served when
// an index starts with fields the filter fixes by equality and continues with the sort fields (same or
// all-reversed directions), or, without a sort, starts with a field the filter constrains. `_id` is
// always indexed. A filter + sort that no index serves is what the emulator warns about.
import { isPlainObject, type Document } from './ejson';
import type { SortSpec } from './collection';

export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  name: string;
  keys: readonly IndexKey[];
  unique: boolean;
}

type PredicateKind = 'eq' | 'in' | 'range' | 'other';

export interface Predicate {
  field: string;
  kind: PredicateKind;
  /** For eq: the value. */
  value?: unknown;
}

const RANGE = new Set(['$gt', '$gte', '$lt', '$lte']);
/** Top-level operators that constrain no field an index could use. */
const RESIDUAL = new Set(['$nor', '$expr', '$where', '$jsonSchema', '$text', '$comment']);

function predicateOf(field: string, condition: unknown): Predicate {
  if (condition instanceof RegExp) return { field, kind: 'other' };
  if (!isPlainObject(condition)) return { field, kind: 'eq', value: condition };
  const operators = Object.keys(condition);
  if (!operators.some((key) => key.startsWith('$'))) return { field, kind: 'eq', value: condition };
  if ('$eq' in condition) return { field, kind: 'eq', value: condition.$eq };
  if ('$in' in condition) return { field, kind: 'in' };
  if (operators.every((key) => RANGE.has(key))) return { field, kind: 'range' };
  return { field, kind: 'other' };
}

/** Beyond this many alternatives the filter is not planned (scanned), so nested `$or`s cannot blow up. */
const MAX_BRANCHES = 64;

/** Every way to pick one branch from each of `left` and `right`: an AND of two ORs. */
function crossProduct(left: Predicate[][], right: Predicate[][]): Predicate[][] {
  return left.flatMap((a) => right.map((b) => [...a, ...b]));
}

/**
 * The filter as alternatives (a `$or`, at the top or inside `$and`, gives one per branch), each a list
 * of field predicates. An `$and` part that is itself an OR multiplies the alternatives: merging its
 * branches into one list would plan `status = 'a' AND status = 'b'` and read only the first through an
 * index. Anything an index cannot use is left out.
 */
export function branchesOf(query: Document): Predicate[][] {
  const common: Predicate[] = [];
  let alternatives: Predicate[][] = [[]];
  const combine = (branches: Predicate[][]): void => {
    if (branches.length === 0) return;
    alternatives = crossProduct(alternatives, branches);
  };
  for (const [key, condition] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (isPlainObject(part)) combine(branchesOf(part));
    } else if (key === '$or' && Array.isArray(condition)) {
      combine(condition.filter(isPlainObject).flatMap((part) => branchesOf(part)));
    } else if (!key.startsWith('$')) {
      common.push(predicateOf(key, condition));
    } else if (!RESIDUAL.has(key)) {
      common.push({ field: key, kind: 'other' });
    }
    if (alternatives.length > MAX_BRANCHES) return [[...common, { field: '$or', kind: 'other' }]];
  }
  return alternatives.map((branch) => [...common, ...branch]);
}

export interface IndexChoice {
  index: IndexSpec;
  /** Leading index fields fixed by equality, with their values. */
  equalities: unknown[];
  /** The index order gives the sort (forward, or backward when every direction is reversed). */
  sortServed: boolean;
  backward: boolean;
}

function usable(predicates: Predicate[], field: string): Predicate | undefined {
  return predicates.find((predicate) => predicate.field === field && predicate.kind !== 'other');
}

/** How well `index` serves one branch with `sort`, or null when it does not. */
function choose(index: IndexSpec, predicates: Predicate[], sort: Array<[string, 1 | -1]>): IndexChoice | null {
  const sortFields = sort.map(([field]) => field);
  const equalities: unknown[] = [];
  let position = 0;
  while (position < index.keys.length) {
    const field = index.keys[position].field;
    const predicate = predicates.find((item) => item.field === field && item.kind === 'eq');
    if (!predicate || sortFields.includes(field)) break;
    equalities.push(predicate.value);
    position++;
  }
  const hasFilter = predicates.some((predicate) => predicate.kind !== 'other');
  const hasAnyFilter = predicates.length > 0;
  // The sort, minus a trailing _id (a tie-break every index ends with), must follow the prefix.
  const effectiveSort = sort.length > 0 && sort[sort.length - 1][0] === '_id' ? sort.slice(0, -1) : sort;
  if (effectiveSort.length === 0) {
    if (sort.length > 0 && !hasAnyFilter) return null; // sorting by _id alone is the _id index's job
    const first = index.keys[0]?.field;
    if (first === undefined || !usable(predicates, first)) return null;
    return { index, equalities, sortServed: sort.length === 0, backward: false };
  }
  let backward: boolean | undefined;
  for (let i = 0; i < effectiveSort.length; i++) {
    const key = index.keys[position + i];
    const [field, direction] = effectiveSort[i];
    if (!key || key.field !== field) return null;
    const reversed = key.direction !== direction;
    if (backward === undefined) backward = reversed;
    else if (backward !== reversed) return null;
  }
  // A filter the index does not narrow (no equality prefix, no condition on the first sort field) is a scan.
  if (hasAnyFilter && equalities.length === 0 && !usable(predicates, effectiveSort[0][0])) {
    if (!hasFilter || !usable(predicates, index.keys[0].field)) return null;
  }
  return { index, equalities, sortServed: true, backward: backward ?? false };
}

function servedById(predicates: Predicate[], sort: Array<[string, 1 | -1]>): boolean {
  if (
    predicates.some((predicate) => predicate.field === '_id' && (predicate.kind === 'eq' || predicate.kind === 'in'))
  ) {
    return true;
  }
  // Keyset paging by _id (`_id > last`, ordered by _id or not at all) walks the _id index, as in MongoDB.
  const onlyId = predicates.length > 0 && predicates.every((p) => p.field === '_id' && p.kind === 'range');
  return onlyId && sort.every(([field]) => field === '_id');
}

export interface Plan {
  /** Every branch is served by an index (or needs none: no filter and no sort). */
  served: boolean;
  /** The index to read a single-branch query through, when one fits. */
  choice: IndexChoice | null;
  branches: Predicate[][];
}

export function planQuery(indexes: readonly IndexSpec[], query: Document, sort: SortSpec | undefined): Plan {
  const sortList = Object.entries(sort ?? {}) as Array<[string, 1 | -1]>;
  const branches = branchesOf(query);
  let served = true;
  let choice: IndexChoice | null = null;
  for (const predicates of branches) {
    if (servedById(predicates, sortList)) continue;
    const onlyIdSort = sortList.length === 1 && sortList[0][0] === '_id';
    if (predicates.length === 0 && (sortList.length === 0 || onlyIdSort)) continue;
    const options = indexes
      .map((index) => choose(index, predicates, sortList))
      .filter((item): item is IndexChoice => item !== null)
      .sort((a, b) => Number(b.sortServed) - Number(a.sortServed) || b.equalities.length - a.equalities.length);
    if (options.length === 0) served = false;
    else if (branches.length === 1) choice = options[0];
  }
  return { served, choice, branches };
}

/** "status, category；排序 publishedAt desc" — what a warning names. */
export function describeShape(branches: Predicate[][], sort: SortSpec | undefined): string {
  const fields = [...new Set(branches.flat().map((predicate) => predicate.field))];
  const order = Object.entries(sort ?? {}).map(([field, direction]) => `${field} ${direction === 1 ? 'asc' : 'desc'}`);
  const parts = [`条件字段 ${fields.length ? fields.join(', ') : '（无）'}`];
  if (order.length) parts.push(`排序 ${order.join(', ')}`);
  return parts.join('；');
}
