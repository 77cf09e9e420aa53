// MongoDB's $jsonSchema (draft 4 plus `bsonType`), the subset a CloudBase query or validator uses:
// bsonType/type, required, properties, additionalProperties, enum, minimum/maximum (exclusive too),
// minLength/maxLength, pattern, items, minItems/maxItems, uniqueItems, allOf/anyOf/oneOf/not.
// mingo evaluates $jsonSchema only through a validator it is given; this is that validator.
import { Decimal128, Long, ObjectId, Binary } from 'bson';
import { isPlainObject } from './ejson';

const BSON_TYPES: Record<string, (value: unknown) => boolean> = {
  double: (value) => typeof value === 'number' && !Number.isInteger(value),
  int: (value) => typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31,
  long: (value) => value instanceof Long || (typeof value === 'number' && Number.isInteger(value)),
  decimal: (value) => value instanceof Decimal128,
  number: (value) => typeof value === 'number' || value instanceof Long || value instanceof Decimal128,
  string: (value) => typeof value === 'string',
  object: isPlainObject,
  array: Array.isArray,
  binData: (value) => value instanceof Binary,
  objectId: (value) => value instanceof ObjectId,
  bool: (value) => typeof value === 'boolean',
  date: (value) => value instanceof Date,
  null: (value) => value === null,
  regex: (value) => value instanceof RegExp,
};

const JSON_TYPES: Record<string, (value: unknown) => boolean> = {
  ...BSON_TYPES,
  integer: (value) => typeof value === 'number' && Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
};

function typeMatches(table: Record<string, (value: unknown) => boolean>, wanted: unknown, value: unknown): boolean {
  const names = Array.isArray(wanted) ? wanted : [wanted];
  return names.some((name) => {
    const check = table[String(name)];
    if (!check) throw new Error(`$jsonSchema 不支持的类型：${String(name)}`);
    return check(value);
  });
}

export function checkJsonSchema(schema: unknown, value: unknown): boolean {
  if (!isPlainObject(schema)) throw new Error('$jsonSchema 必须是对象');
  const s = schema;
  if (s.bsonType !== undefined && !typeMatches(BSON_TYPES, s.bsonType, value)) return false;
  if (s.type !== undefined && !typeMatches(JSON_TYPES, s.type, value)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((item) => JSON.stringify(item) === JSON.stringify(value))) return false;
  if (Array.isArray(s.allOf) && !s.allOf.every((part) => checkJsonSchema(part, value))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((part) => checkJsonSchema(part, value))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((part) => checkJsonSchema(part, value)).length !== 1) return false;
  if (s.not !== undefined && checkJsonSchema(s.not, value)) return false;
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && (s.exclusiveMinimum === true ? value <= s.minimum : value < s.minimum))
      return false;
    if (typeof s.maximum === 'number' && (s.exclusiveMaximum === true ? value >= s.maximum : value > s.maximum))
      return false;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof s.minLength === 'number' && length < s.minLength) return false;
    if (typeof s.maxLength === 'number' && length > s.maxLength) return false;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) return false;
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return false;
    if (s.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size !== value.length)
      return false;
    if (isPlainObject(s.items) && !value.every((item) => checkJsonSchema(s.items, item))) return false;
  }
  if (isPlainObject(value)) {
    if (Array.isArray(s.required) && !s.required.every((field) => Object.hasOwn(value, String(field)))) return false;
    const properties = isPlainObject(s.properties) ? s.properties : {};
    for (const [field, part] of Object.entries(properties)) {
      if (Object.hasOwn(value, field) && !checkJsonSchema(part, value[field])) return false;
    }
    if (s.additionalProperties === false && Object.keys(value).some((field) => !Object.hasOwn(properties, field))) {
      return false;
    }
  }
  return true;
}
