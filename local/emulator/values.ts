// MongoDB's order of values across types (null < numbers < strings < objects < arrays < binary <
// ObjectId < booleans < dates < regular expressions), used by the declared indexes to keep their keys
// sorted. Within a type values compare as MongoDB compares them; a missing field counts as null.
import { Binary, Decimal128, Double, Int32, Long, ObjectId } from 'bson';
import { encodeEjson, isPlainObject } from './ejson';

function rank(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'number' || value instanceof Long || value instanceof Decimal128) return 2;
  if (value instanceof Int32 || value instanceof Double) return 2;
  if (typeof value === 'string') return 3;
  if (isPlainObject(value)) return 4;
  if (Array.isArray(value)) return 5;
  if (value instanceof Binary) return 6;
  if (value instanceof ObjectId) return 7;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  return 12;
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  return Number(String(value as object));
}

function compareSameRank(a: unknown, b: unknown, kind: number): number {
  switch (kind) {
    case 1:
      return 0;
    case 2: {
      const [x, y] = [asNumber(a), asNumber(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 5: {
      const [x, y] = [a as unknown[], b as unknown[]];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const order = compareValues(x[i], y[i]);
        if (order !== 0) return order;
      }
      return x.length - y.length;
    }
    case 6:
      return Buffer.compare((a as Binary).buffer, (b as Binary).buffer);
    case 7:
      return (a as ObjectId).toHexString().localeCompare((b as ObjectId).toHexString());
    case 8:
      return Number(a) - Number(b);
    case 9:
      return (a as Date).getTime() - (b as Date).getTime();
    default: {
      const [x, y] = [encodeEjson({ v: a }), encodeEjson({ v: b })];
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

export function compareValues(a: unknown, b: unknown): number {
  const [x, y] = [rank(a), rank(b)];
  if (x !== y) return x - y;
  return Math.sign(compareSameRank(a, b, x));
}

/** Values an index can look up by equality without surprises (documents and arrays are left to a scan). */
export function isIndexableScalar(value: unknown): boolean {
  const kind = rank(value);
  return kind === 1 || kind === 2 || kind === 3 || kind === 7 || kind === 8 || kind === 9;
}

/** The values at a dotted path; `reachedArray` tells that the path went through or ended at an array. */
export function valueAtPath(doc: unknown, path: string): { value: unknown; reachedArray: boolean } {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(value)) return { value: undefined, reachedArray: true };
    if (value === null || typeof value !== 'object' || !isPlainObject(value))
      return { value: undefined, reachedArray: false };
    value = value[part];
  }
  return { value, reachedArray: Array.isArray(value) };
}
