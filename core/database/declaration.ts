/**
 * Checks on the database declaration (collections.ts) that CloudBase would otherwise refuse at deploy
 * time, and the text of a collection's security rule as the console and ModifySafeRule take it.
 * Pure: read by scripts/deploy, the emulator's tests and the declaration test.
 */
import type { CollectionDeclaration, SecurityRule } from './collections';

/** CloudBase refuses a custom security rule longer than this. */
export const MAX_RULE_CHARACTERS = 1024;
/** Collection names: letters, digits, _ and - (CloudBase allows up to 64 characters here, per the console). */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const INDEX_NAME = /^[A-Za-z0-9_]{1,64}$/;

/** The rule as CloudBase stores it: `{"read": ..., "write": ...}`. */
export function ruleText(rule: SecurityRule): string {
  return JSON.stringify({ read: rule.read, write: rule.write });
}

/** Everything wrong with a declaration, one sentence each; empty when it can be applied. */
export function declarationProblems(declaration: readonly CollectionDeclaration[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const collection of declaration) {
    const where = `集合 ${collection.name}`;
    if (!COLLECTION_NAME.test(collection.name)) problems.push(`${where}：名称只能包含字母、数字、_ 和 -，以字母开头`);
    if (names.has(collection.name)) problems.push(`${where}：重复声明`);
    names.add(collection.name);
    const rule = ruleText(collection.rule);
    if (rule.length > MAX_RULE_CHARACTERS)
      problems.push(`${where}：安全规则 ${rule.length} 字符，超过 ${MAX_RULE_CHARACTERS}`);
    const indexNames = new Set<string>();
    for (const index of collection.indexes) {
      if (!INDEX_NAME.test(index.name)) problems.push(`${where} 的索引 ${index.name}：名称只能包含字母、数字和 _`);
      if (index.name === '_id_') problems.push(`${where}：_id_ 是自带的索引，不能再声明`);
      if (indexNames.has(index.name)) problems.push(`${where} 的索引 ${index.name}：重复声明`);
      indexNames.add(index.name);
      if (index.keys.length === 0) problems.push(`${where} 的索引 ${index.name}：没有字段`);
      const fields = index.keys.map((key) => key.field);
      if (new Set(fields).size !== fields.length) problems.push(`${where} 的索引 ${index.name}：字段重复`);
    }
  }
  return problems;
}
