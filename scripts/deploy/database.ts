/**
 * Deploying the database declaration (core/database/collections.ts) with @cloudbase/manager-node:
 * create the collections that are missing, create the declared indexes that are missing (an index is
 * never dropped: the ones found but not declared are listed and left alone; one found under a declared
 * name but with other keys, directions or uniqueness refuses the deploy), and set each collection's
 * security rule (ModifySafeRule, AclTag CUSTOM). The plan is worked out against a small interface so
 * it is tested with a fake (tests/unit/deploy/database.test.ts); only `connectDatabaseManager` talks
 * to the network, and only once every setting is present.
 */
import type { CollectionDeclaration } from '../../core/database/collections';
import { declarationProblems, ruleText } from '../../core/database/declaration';

/** The settings a database deploy needs (docs/deploy.md). */
export const DATABASE_SETTINGS = {
  envId: 'TCB_ENV',
  secretId: 'TCB_SECRET_ID',
  secretKey: 'TCB_SECRET_KEY',
} as const;

export type DatabaseSettings = Record<keyof typeof DATABASE_SETTINGS, string>;

/** What the deploy needs of CloudBase: manager-node's database service and its commonService. */
export interface DatabaseManager {
  checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
  createCollection(name: string): Promise<unknown>;
  describeCollection(name: string): Promise<{ Indexes?: DescribedIndex[] }>;
  updateCollection(
    name: string,
    change: {
      CreateIndexes: Array<{
        IndexName: string;
        MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: Array<{ Name: string; Direction: string }> };
      }>;
    },
  ): Promise<unknown>;
  modifySafeRule(param: { CollectionName: string; EnvId: string; AclTag: 'CUSTOM'; Rule: string }): Promise<unknown>;
}

/** An index as manager-node's describeCollection answers it (IndexInfo: Name, Keys, Unique). */
export interface DescribedIndex {
  Name: string;
  Keys?: Array<{ Name?: string; Direction?: string | number }>;
  Unique?: boolean;
}

/** What a collection in the environment already has, by index. */
export type ExistingCollection = { indexes: DescribedIndex[] } | null;

export type DatabaseStep =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; collection: string; index: string; keys: string; unique: boolean }
  | { kind: 'keepIndex'; collection: string; index: string }
  | { kind: 'indexDiffers'; collection: string; index: string; declared: string; found: string }
  | { kind: 'setRule'; collection: string; rule: string };

/** The settings, or the names of those missing (checked before anything touches the network). */
export function readDatabaseSettings(env: NodeJS.ProcessEnv): { settings?: DatabaseSettings; missing: string[] } {
  const missing = Object.values(DATABASE_SETTINGS).filter((name) => !env[name]?.trim());
  if (missing.length) return { missing };
  const value = (key: keyof typeof DATABASE_SETTINGS) => env[DATABASE_SETTINGS[key]]!.trim();
  return { settings: { envId: value('envId'), secretId: value('secretId'), secretKey: value('secretKey') }, missing };
}

type DeclaredIndex = CollectionDeclaration['indexes'][number];

function keysText(index: DeclaredIndex): string {
  return index.keys.map((key) => `${key.field} ${key.direction === 1 ? 'asc' : 'desc'}`).join(', ');
}

/** 1 or -1 from the console's answer ("1", "-1", a number, or asc/desc), or undefined when unreadable. */
function directionOf(value: string | number | undefined): 1 | -1 | undefined {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text === '1' || text === 'asc' || text === 'ascending') return 1;
  if (text === '-1' || text === 'desc' || text === 'descending') return -1;
  return undefined;
}

/** The described index in the plan's words, so a mismatch names both sides the same way. */
function describedText(found: DescribedIndex): string {
  const keys = (found.Keys ?? [])
    .map((key) => {
      const direction = directionOf(key.Direction);
      return `${key.Name ?? '？'} ${direction === 1 ? 'asc' : direction === -1 ? 'desc' : String(key.Direction)}`;
    })
    .join(', ');
  return `${keys || '（未读到字段）'}${found.Unique ? '，唯一' : ''}`;
}

/** Same fields in the same order with the same directions, and the same uniqueness. */
function sameIndex(declared: DeclaredIndex, found: DescribedIndex): boolean {
  const keys = found.Keys ?? [];
  return (
    Boolean(found.Unique) === declared.unique &&
    keys.length === declared.keys.length &&
    declared.keys.every(
      (key, position) => keys[position].Name === key.field && directionOf(keys[position].Direction) === key.direction,
    )
  );
}

/**
 * What a deploy does. Offline (`existing` absent, the dry run) every collection and index is listed as
 * "create if missing"; against a real environment only what is missing.
 */
export function planDatabase(
  declaration: readonly CollectionDeclaration[],
  existing?: Map<string, ExistingCollection>,
): DatabaseStep[] {
  const steps: DatabaseStep[] = [];
  for (const collection of declaration) {
    const found = existing?.get(collection.name) ?? null;
    if (!found) steps.push({ kind: 'createCollection', collection: collection.name });
    for (const index of collection.indexes) {
      const same = found?.indexes.find((item) => item.Name === index.name);
      if (same && !sameIndex(index, same)) {
        steps.push({
          kind: 'indexDiffers',
          collection: collection.name,
          index: index.name,
          declared: `${keysText(index)}${index.unique ? '，唯一' : ''}`,
          found: describedText(same),
        });
      }
      if (same) continue;
      steps.push({
        kind: 'createIndex',
        collection: collection.name,
        index: index.name,
        keys: keysText(index),
        unique: index.unique,
      });
    }
    const declared = new Set(collection.indexes.map((index) => index.name));
    for (const { Name: name } of found?.indexes ?? []) {
      if (name !== '_id_' && !declared.has(name))
        steps.push({ kind: 'keepIndex', collection: collection.name, index: name });
    }
    steps.push({ kind: 'setRule', collection: collection.name, rule: ruleText(collection.rule) });
  }
  return steps;
}

export function describeStep(step: DatabaseStep): string {
  switch (step.kind) {
    case 'createCollection':
      return `创建集合 ${step.collection}`;
    case 'createIndex':
      return `创建索引 ${step.collection}.${step.index}（${step.keys}${step.unique ? '，唯一' : ''}）`;
    case 'keepIndex':
      return `保留索引 ${step.collection}.${step.index}（云端已有、声明中没有：部署从不删除索引）`;
    case 'indexDiffers':
      return `无法部署：集合 ${step.collection} 的索引 ${step.index} 在云端是（${step.found}），声明是（${step.declared}）；部署从不删除或改动索引，请在控制台删除它或在声明中改用新的索引名`;
    case 'setRule':
      return `设置集合 ${step.collection} 的安全规则 ${step.rule}`;
  }
}

/** Apply the declaration: reads what exists, then creates and sets only what the plan says. */
export async function applyDatabase(
  declaration: readonly CollectionDeclaration[],
  manager: DatabaseManager,
  envId: string,
  log: (line: string) => void,
): Promise<DatabaseStep[]> {
  const problems = declarationProblems(declaration);
  if (problems.length) throw new Error(`数据库声明有问题：\n${problems.join('\n')}`);
  const existing = new Map<string, ExistingCollection>();
  for (const collection of declaration) {
    const { Exists } = await manager.checkCollectionExists(collection.name);
    if (!Exists) existing.set(collection.name, null);
    else {
      const described = await manager.describeCollection(collection.name);
      existing.set(collection.name, { indexes: described.Indexes ?? [] });
    }
  }
  const steps = planDatabase(declaration, existing);
  // A changed index under a kept name would leave queries on the old keys: refuse before any write.
  const differing = steps.filter((step) => step.kind === 'indexDiffers');
  if (differing.length) {
    for (const step of steps) log(describeStep(step));
    throw new Error(`数据库声明与云端索引不一致，未做任何改动：\n${differing.map(describeStep).join('\n')}`);
  }
  for (const step of steps) {
    log(describeStep(step));
    if (step.kind === 'createCollection') await manager.createCollection(step.collection);
    if (step.kind === 'createIndex') {
      const index = declaration
        .find((collection) => collection.name === step.collection)!
        .indexes.find((item) => item.name === step.index)!;
      await manager.updateCollection(step.collection, {
        CreateIndexes: [
          {
            IndexName: index.name,
            MgoKeySchema: {
              MgoIsUnique: index.unique,
              MgoIndexKeys: index.keys.map((key) => ({ Name: key.field, Direction: String(key.direction) })),
            },
          },
        ],
      });
    }
    if (step.kind === 'setRule') {
      await manager.modifySafeRule({
        CollectionName: step.collection,
        EnvId: envId,
        AclTag: 'CUSTOM',
        Rule: step.rule,
      });
    }
  }
  return steps;
}

/** The real manager, from @cloudbase/manager-node (loaded only here, so nothing else pulls it in). */
export async function connectDatabaseManager(settings: DatabaseSettings): Promise<DatabaseManager> {
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const app = new CloudBase({ envId: settings.envId, secretId: settings.secretId, secretKey: settings.secretKey });
  const database = app.database;
  const common = app.commonService();
  return {
    checkCollectionExists: (name) => database.checkCollectionExists(name),
    createCollection: (name) => database.createCollection(name),
    describeCollection: (name) => database.describeCollection(name),
    updateCollection: (name, change) => database.updateCollection(name, change),
    modifySafeRule: (param) => common.call({ Action: 'ModifySafeRule', Param: param }),
  };
}
