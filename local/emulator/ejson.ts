// EJSON at the emulator's edges: node-sdk sends queries, updates and documents as canonical
// EJSON strings (bson 4, the same version the SDK uses) and decodes answers with EJSON.parse.
import { EJSON, BSONRegExp, ObjectId } from 'bson';
import { EmulatorError } from './errors';

export type Document = Record<string, unknown> & { _id?: unknown };

/**
 * How bson (the SDK's and ours) writes an invalid Date (`new Date('garbage')`); reading it back, bson makes
 * it 1970-01-01 without a word. Inside a JSON string the quotes would be escaped, so this never matches text.
 */
const INVALID_DATE = /"\$date":\{"\$numberLong":"NaN"\}/;

function invalidDate(what: string): EmulatorError {
  return new EmulatorError('INVALID_PARAM', `${what} 含无效的日期（Invalid Date）`);
}

/** Parse one EJSON string from the SDK; `now` resolves db.serverDate() placeholders. */
export function decodeEjson(text: unknown, what: string, now: Date): unknown {
  if (typeof text !== 'string') {
    throw new EmulatorError('INVALID_PARAM', `${what} 必须是 EJSON 字符串`);
  }
  if (INVALID_DATE.test(text)) throw invalidDate(what);
  let value: unknown;
  try {
    value = EJSON.parse(text, { relaxed: true });
  } catch {
    throw new EmulatorError('INVALID_PARAM', `${what} 不是合法的 EJSON`);
  }
  return resolveSpecialValues(value, now, what);
}

/** Parse an EJSON string that must hold an object (query, update, document). */
export function decodeEjsonObject(text: unknown, what: string, now: Date): Document {
  const value = decodeEjson(text, what, now);
  if (!isPlainObject(value)) {
    throw new EmulatorError('INVALID_PARAM', `${what} 必须是对象`);
  }
  return value;
}

/** Canonical EJSON keeps Date, int/double and regex types intact on the way back. */
export function encodeEjson(value: unknown): string {
  return EJSON.stringify(value as Document, { relaxed: false });
}

/**
 * A document as `database.getDocument` answers it: an ObjectId anywhere in it (the `_id` or any field) goes as
 * its 24-character hex string. node-sdk's get() rebuilds every object it receives as a plain object, which would
 * turn an ObjectId into `{}`; the SDK makers' own test expects the hex string back, so the service sends that.
 * The stored value stays an ObjectId (queries with db.ObjectId match it, a plain string does not).
 */
export function encodeReadDocument(doc: Document): string {
  return encodeEjson(objectIdsAsHex(doc));
}

function objectIdsAsHex(value: unknown): unknown {
  if (value instanceof ObjectId) return value.toHexString();
  if (Array.isArray(value)) return value.map(objectIdsAsHex);
  if (!isPlainObject(value)) return value;
  const out: Document = {};
  for (const [key, item] of Object.entries(value)) out[key] = objectIdsAsHex(item);
  return out;
}

/**
 * A plain `{...}` object, not a BSON value (ObjectId, Decimal128, Binary, Long, BSONRegExp ...): those
 * also print as [object Object] but must travel whole, or an ObjectId would be copied into `{}`.
 */
export function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Replace what the SDK cannot express in plain EJSON:
 * - `{$tcb_server_date: {offset}}` (db.serverDate()) becomes the server's clock plus offset ms;
 * - BSONRegExp (db.RegExp or a JS RegExp in a query) becomes a RegExp that mingo understands;
 * - an invalid Date is refused.
 */
function resolveSpecialValues(value: unknown, now: Date, what: string): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveSpecialValues(item, now, what));
  // `{"$date": "garbage"}` (a hand-made request) parses to an invalid Date that would be journalled as 1970.
  if (value instanceof Date && Number.isNaN(value.getTime())) throw invalidDate(what);
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, toJsRegExpFlags(value.options));
  if (!isPlainObject(value)) return value;
  const serverDate = value.$tcb_server_date;
  if (serverDate !== undefined && Object.keys(value).length === 1) {
    const offset = isPlainObject(serverDate) && typeof serverDate.offset === 'number' ? serverDate.offset : 0;
    return new Date(now.getTime() + offset);
  }
  const out: Document = {};
  for (const [key, item] of Object.entries(value)) out[key] = resolveSpecialValues(item, now, what);
  return out;
}

/** BSON regex options use Mongo letters; JS knows i, m, s (x and l have no JS equivalent). */
function toJsRegExpFlags(options: string): string {
  return [...options].filter((flag) => 'ims'.includes(flag)).join('');
}
