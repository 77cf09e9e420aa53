// The database deploy, planned and applied against a fake manager-node (the plan, not the network),
// and cloudbaserc.json checked against the declaration it is generated from.
import fs from 'node:fs';
import { DATABASE, type CollectionDeclaration } from '../../../core/database/collections';
import { declarationProblems, MAX_RULE_CHARACTERS } from '../../../core/database/declaration';
import { CLOUDBASERC_PATH, cloudbaseRcText } from '../../../scripts/deploy/cloudbaserc';
import {
  applyDatabase,
  describeStep,
  planDatabase,
  readDatabaseSettings,
  type DatabaseManager,
  type DescribedIndex,
} from '../../../scripts/deploy/database';

const SAMPLE: CollectionDeclaration[] = [
  {
    name: 'articles',
    purpose: '文章',
    indexes: [
      {
        name: 'status_published',
        keys: [
          { field: 'status', direction: 1 },
          { field: 'publishedAt', direction: -1 },
        ],
        unique: false,
      },
      { name: 'slug', keys: [{ field: 'slug', direction: 1 }], unique: true },
    ],
    rule: { read: false, write: false },
  },
  { name: 'trainees', purpose: '学员', indexes: [], rule: { read: 'doc._openid == auth.openid', write: false } },
];

/** How the console describes an index: a name alone stands for the SAMPLE index of that name as declared. */
function described(index: string | DescribedIndex): DescribedIndex {
  if (typeof index !== 'string') return index;
  const declared = SAMPLE.flatMap((collection) => collection.indexes).find((item) => item.name === index);
  if (!declared)
    return { Name: index, Keys: [{ Name: index === '_id_' ? '_id' : index, Direction: '1' }], Unique: false };
  return {
    Name: index,
    Keys: declared.keys.map((key) => ({ Name: key.field, Direction: String(key.direction) })),
    Unique: declared.unique,
  };
}

function fakeManager(cloud: Map<string, Array<string | DescribedIndex>>) {
  const calls: string[] = [];
  const manager: DatabaseManager = {
    async checkCollectionExists(name) {
      calls.push(`check ${name}`);
      return { Exists: cloud.has(name) };
    },
    async createCollection(name) {
      calls.push(`createCollection ${name}`);
      cloud.set(name, ['_id_']);
    },
    async describeCollection(name) {
      calls.push(`describe ${name}`);
      return { Indexes: (cloud.get(name) ?? []).map(described) };
    },
    async updateCollection(name, change) {
      calls.push(`updateCollection ${name} ${JSON.stringify(change)}`);
    },
    async modifySafeRule(param) {
      calls.push(`ModifySafeRule ${JSON.stringify(param)}`);
    },
  };
  return { manager, calls };
}

test('the dry-run plan lists every declared collection, index and rule', () => {
  const lines = planDatabase(DATABASE).map(describeStep);
  for (const collection of DATABASE) {
    expect(lines).toContain(`创建集合 ${collection.name}`);
    for (const index of collection.indexes) {
      expect(lines.some((line) => line.startsWith(`创建索引 ${collection.name}.${index.name}（`))).toBe(true);
    }
    expect(lines.some((line) => line.startsWith(`设置集合 ${collection.name} 的安全规则 {"read":`))).toBe(true);
  }
});

test('apply creates only what is missing, never drops an index, and sets every rule', async () => {
  const cloud = new Map<string, Array<string | DescribedIndex>>([
    ['articles', ['_id_', 'status_published', 'made_in_console']],
  ]);
  const { manager, calls } = fakeManager(cloud);
  const log: string[] = [];
  await applyDatabase(SAMPLE, manager, 'env-1', (line) => log.push(line));
  const writes = calls.filter((call) => !call.startsWith('check') && !call.startsWith('describe'));
  expect(writes).toEqual([
    `updateCollection articles ${JSON.stringify({
      CreateIndexes: [
        {
          IndexName: 'slug',
          MgoKeySchema: { MgoIsUnique: true, MgoIndexKeys: [{ Name: 'slug', Direction: '1' }] },
        },
      ],
    })}`,
    `ModifySafeRule ${JSON.stringify({ CollectionName: 'articles', EnvId: 'env-1', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' })}`,
    'createCollection trainees',
    `ModifySafeRule ${JSON.stringify({
      CollectionName: 'trainees',
      EnvId: 'env-1',
      AclTag: 'CUSTOM',
      Rule: '{"read":"doc._openid == auth.openid","write":false}',
    })}`,
  ]);
  expect(calls.join('\n')).not.toContain('DropIndexes');
  expect(log).toContain('保留索引 articles.made_in_console（云端已有、声明中没有：部署从不删除索引）');
});

test('a second apply against the result changes nothing but the rules', async () => {
  const cloud = new Map<string, Array<string | DescribedIndex>>();
  const first = fakeManager(cloud);
  await applyDatabase(SAMPLE, first.manager, 'env-1', () => undefined);
  cloud.set('articles', ['_id_', 'status_published', 'slug']);
  const second = fakeManager(cloud);
  await applyDatabase(SAMPLE, second.manager, 'env-1', () => undefined);
  expect(second.calls.filter((call) => /^(createCollection|updateCollection)/.test(call))).toEqual([]);
});

test.each([
  [
    'a key reversed',
    [
      { Name: 'status', Direction: '1' },
      { Name: 'publishedAt', Direction: '1' },
    ],
    false,
  ],
  [
    'a key renamed',
    [
      { Name: 'status', Direction: '1' },
      { Name: 'updatedAt', Direction: '-1' },
    ],
    false,
  ],
  ['a key missing', [{ Name: 'status', Direction: '1' }], false],
  [
    'uniqueness changed',
    [
      { Name: 'status', Direction: '1' },
      { Name: 'publishedAt', Direction: '-1' },
    ],
    true,
  ],
])(
  'an index under a declared name with %s refuses the deploy, naming it, and writes nothing',
  async (_case, keys, unique) => {
    const cloud = new Map<string, Array<string | DescribedIndex>>([
      ['articles', ['_id_', { Name: 'status_published', Keys: keys, Unique: unique }, 'slug']],
    ]);
    const { manager, calls } = fakeManager(cloud);
    const log: string[] = [];
    await expect(applyDatabase(SAMPLE, manager, 'env-1', (line) => log.push(line))).rejects.toThrow(
      /集合 articles 的索引 status_published/,
    );
    expect(calls.filter((call) => !call.startsWith('check') && !call.startsWith('describe'))).toEqual([]);
    expect(log.some((line) => line.startsWith('无法部署：集合 articles 的索引 status_published 在云端是'))).toBe(true);
    const existing = new Map([['articles', { indexes: cloud.get('articles')!.map(described) }]]);
    expect(planDatabase(SAMPLE, existing).map(describeStep)).toContainEqual(
      expect.stringContaining('声明是（status asc, publishedAt desc）'),
    );
  },
);

test('an index described as declared (directions as the console writes them) is kept as it is', () => {
  const existing = new Map([
    [
      'articles',
      {
        indexes: [
          described('_id_'),
          {
            Name: 'status_published',
            Keys: [
              { Name: 'status', Direction: 1 },
              { Name: 'publishedAt', Direction: -1 },
            ],
            Unique: false,
          },
          described('slug'),
        ],
      },
    ],
  ]);
  const steps = planDatabase(SAMPLE, existing).filter((step) => step.collection === 'articles');
  expect(steps.map((step) => step.kind)).toEqual(['setRule']);
});

test('without credentials the settings are named as missing (the deploy stops before any network call)', () => {
  expect(readDatabaseSettings({})).toEqual({ missing: ['TCB_ENV', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'] });
  expect(readDatabaseSettings({ TCB_ENV: 'e', TCB_SECRET_ID: 'i', TCB_SECRET_KEY: 'k' })).toEqual({
    settings: { envId: 'e', secretId: 'i', secretKey: 'k' },
    missing: [],
  });
});

test('the declaration applies cleanly; a rule over 1,024 characters or a bad index name is refused', async () => {
  expect(declarationProblems(DATABASE)).toEqual([]);
  const bad: CollectionDeclaration[] = [
    {
      name: 'x',
      purpose: '',
      indexes: [{ name: 'bad-name', keys: [], unique: false }],
      rule: { read: `doc.a == '${'a'.repeat(MAX_RULE_CHARACTERS)}'`, write: false },
    },
  ];
  expect(declarationProblems(bad)).toHaveLength(3);
  await expect(applyDatabase(bad, fakeManager(new Map()).manager, 'e', () => undefined)).rejects.toThrow(
    /数据库声明有问题/,
  );
});

test('cloudbaserc.json agrees with the declaration (regenerate: npx tsx scripts/deploy/cloudbaserc.ts)', () => {
  expect(fs.readFileSync(CLOUDBASERC_PATH, 'utf8')).toBe(cloudbaseRcText());
});
