/**
 * Deploying the database declaration (core/database/collections.ts) with @cloudbase/manager-node:
 * create the collections that are missing, create the declared indexes that are missing (an index is
 * never dropped: the ones found but not declared are listed and left alone), and set each collection's
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
  describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string }> }>;
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

export type DatabaseStep =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; collection: string; index: string; keys: string; unique: boolean }
  | { kind: 'keepIndex'; collection: string; index: string }
  | { kind: 'setRule'; collection: string; rule: string };

/** The settings, or the names of those missing (checked before anything touches the network). */
export function readDatabaseSettings(env: NodeJS.ProcessEnv): { settings?: DatabaseSettings; missing: string[] } {
  const missing = Object.values(DATABASE_SETTINGS).filter((name) => !env[name]?.trim());
  if (missing.length) return { missing };
  const value = (key: keyof typeof DATABASE_SETTINGS) => env[DATABASE_SETTINGS[key]]!.trim();
  return { settings: { envId: value('envId'), secretId: value('secretId'), secretKey: value('secretKey') }, missing };
}

function keysText(collection: CollectionDeclaration['indexes'][number]): string {
  return collection.keys.map((key) => `${key.field} ${key.direction === 1 ? 'asc' : 'desc'}`).join(', ');
}

/**
 * What a deploy does. Offline (`existing` absent, the dry run) every collection and index is listed as
 * "create if missing"; against a real environment only what is missing.
 */
export function planDatabase(
  declaration: readonly CollectionDeclaration[],
  existing?: Map<string, { indexes: string[] } | null>,
): DatabaseStep[] {
  const steps: DatabaseStep[] = [];
  for (const collection of declaration) {
    const found = existing?.get(collection.name) ?? null;
    if (!found) steps.push({ kind: 'createCollection', collection: collection.name });
    for (const index of collection.indexes) {
      if (found?.indexes.includes(index.name)) continue;
      steps.push({
        kind: 'createIndex',
        collection: collection.name,
        index: index.name,
        keys: keysText(index),
        unique: index.unique,
      });
    }
    const declared = new Set(collection.indexes.map((index) => index.name));
    for (const name of found?.indexes ?? []) {
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
  const existing = new Map<string, { indexes: string[] } | null>();
  for (const collection of declaration) {
    const { Exists } = await manager.checkCollectionExists(collection.name);
    if (!Exists) existing.set(collection.name, null);
    else {
      const described = await manager.describeCollection(collection.name);
      existing.set(collection.name, { indexes: (described.Indexes ?? []).map((index) => index.Name) });
    }
  }
  const steps = planDatabase(declaration, existing);
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
