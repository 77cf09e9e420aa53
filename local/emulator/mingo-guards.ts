// Local guards for where mingo 7.2 answers differently from MongoDB (and so from CloudBase). mingo's
// Context lets options add operators but not replace its own, so `withGuards` renames the operators
// below in a query, update or pipeline to local names registered in mingoOptions(). The fixes belong
// upstream in mingo (github.com/kofrasa/mingo), which cannot be reached from this machine: they live
// here until they ship there.
//   $elemMatch  with field conditions, MongoDB tests only the elements that are documents (or arrays);
//               mingo also tests plain values, so [5, {a: 1}] matched {$elemMatch: {a: {$ne: 1}}}
//   $week       MongoDB counts weeks from the year's first Sunday (strftime %U); mingo is one ahead
//   $indexOfCP  missing from mingo
//   $substr / $substrBytes  a negative length means "to the end of the string" in MongoDB; mingo refuses it
//   $jsonSchema mingo needs a validator; jsonSchema.ts is MongoDB's subset (bsonType, required, ...)
import { createRequire } from 'node:module';
import { Context, Query } from 'mingo';
import { isPlainObject } from './ejson';
import { checkJsonSchema } from './json-schema';

type Any = unknown;
type Options = NonNullable<ConstructorParameters<typeof Query>[1]>;

// mingo's expression evaluator, from its `mingo/core` entry (package exports the tsconfig's "node"
// module resolution cannot see, so it is required with its one signature spelled out here).
const { evalExpr } = createRequire(__filename)('mingo/core') as {
  evalExpr: (obj: Any, expr: Any, options: Options) => Any;
};

/** Evaluate an operator's arguments as mingo does (field paths, nested expressions). */
function argumentsOf(obj: Any, expr: Any, options: Options): Any[] {
  const list = Array.isArray(expr) ? expr : [expr];
  return list.map((item) => evalExpr(obj, item, options));
}

function valuesAt(doc: Any, path: string[]): Any[] {
  if (path.length === 0) return [doc];
  if (Array.isArray(doc)) {
    const index = Number(path[0]);
    if (Number.isInteger(index) && String(index) === path[0]) return valuesAt(doc[index], path.slice(1));
    return doc.flatMap((item) => (isPlainObject(item) ? valuesAt(item, path) : []));
  }
  if (!isPlainObject(doc)) return [];
  return valuesAt(doc[path[0]], path.slice(1));
}

function hasFieldConditions(value: Any): boolean {
  return isPlainObject(value) && Object.keys(value).some((key) => !key.startsWith('$'));
}

function elemMatch(selector: string, value: Any, options: Options): (doc: Any) => boolean {
  const inner = new Query((hasFieldConditions(value) ? value : { element: value }) as never, options);
  const documentsOnly = hasFieldConditions(value);
  return (doc) =>
    valuesAt(doc, selector.split('.')).some(
      (array) =>
        Array.isArray(array) &&
        array.some((item) =>
          documentsOnly
            ? (isPlainObject(item) || Array.isArray(item)) && inner.test(item as never)
            : inner.test({ element: item } as never),
        ),
    );
}

/** strftime %U: week of the year, weeks starting on Sunday, days before the first Sunday in week 0. */
function week(obj: Any, expr: Any, options: Options): Any {
  const [value] = argumentsOf(obj, isPlainObject(expr) && 'date' in expr ? expr.date : expr, options);
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date)) throw new Error('$week 需要日期');
  const start = Date.UTC(value.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((value.getTime() - start) / 86_400_000);
  return Math.floor((dayOfYear + 7 - value.getUTCDay()) / 7);
}

function indexOfCP(obj: Any, expr: Any, options: Options): Any {
  const [text, search, start, end] = argumentsOf(obj, expr, options);
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string' || typeof search !== 'string') throw new Error('$indexOfCP 需要字符串参数');
  const points = [...text];
  const from = typeof start === 'number' ? start : 0;
  const to = typeof end === 'number' ? Math.min(end, points.length) : points.length;
  const needle = [...search];
  for (let i = from; i + needle.length <= to; i++) {
    if (needle.every((point, offset) => points[i + offset] === point)) return i;
  }
  return -1;
}

function substrBytes(obj: Any, expr: Any, options: Options): Any {
  const [text, start, length] = argumentsOf(obj, expr, options);
  const bytes = Buffer.from(text === null || text === undefined ? '' : String(text as string), 'utf8');
  if (typeof start !== 'number' || typeof length !== 'number' || start < 0) {
    throw new Error('$substrBytes 的起点和长度必须是数字，起点不能为负');
  }
  const end = length < 0 ? bytes.length : Math.min(bytes.length, start + length);
  const insideCharacter = (at: number) => at < bytes.length && (bytes[at] & 0xc0) === 0x80;
  if (insideCharacter(start) || insideCharacter(end)) throw new Error('$substrBytes 的范围落在一个 UTF-8 字符中间');
  return bytes.subarray(Math.min(start, bytes.length), end).toString('utf8');
}

/** MongoDB operator -> the local name its guarded version is registered under. */
const RENAMED: Record<string, string> = {
  $elemMatch: '$localElemMatch',
  $week: '$localWeek',
  $substr: '$localSubstrBytes',
  $substrBytes: '$localSubstrBytes',
};

/** A copy of a query, update or pipeline with the guarded operators renamed (data values untouched). */
export function withGuards<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withGuards) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[RENAMED[key] ?? key] = key === '$literal' ? item : withGuards(item);
  return out as T;
}

let cached: Options | undefined;

/** Options for every mingo call of the emulator: the guarded operators and the $jsonSchema validator. */
export function mingoOptions(): Options {
  cached ??= {
    context: Context.init({
      query: { $localElemMatch: elemMatch as never },
      expression: {
        $localWeek: week as never,
        $indexOfCP: indexOfCP as never,
        $localSubstrBytes: substrBytes as never,
      },
    }),
    jsonSchemaValidator: (schema: Any) => (doc: Any) => checkJsonSchema(schema, doc),
  };
  return cached;
}
