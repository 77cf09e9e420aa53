/**
 * cloudbaserc.json for CloudBase CLI users (`cloudbase framework deploy`): the database declaration of
 * core/database/collections.ts in the framework-plugin-database format (collections, indexes, the
 * CUSTOM security rule), and the function bundles' folder. Generated from the declaration, never edited
 * by hand: `npx tsx scripts/deploy/cloudbaserc.ts` rewrites it, and tests/unit/deploy/database.test.ts
 * fails when it no longer agrees.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE, type CollectionDeclaration } from '../../core/database/collections';
import { ruleText } from '../../core/database/declaration';

export const CLOUDBASERC_PATH = path.resolve(__dirname, '..', '..', 'cloudbaserc.json');

export function cloudbaseRc(declaration: readonly CollectionDeclaration[] = DATABASE): Record<string, unknown> {
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV}}',
    functionRoot: './dist/functions',
    framework: {
      name: 'lvzhi-xuetang',
      plugins: {
        database: {
          use: '@cloudbase/framework-plugin-database',
          inputs: {
            collections: declaration.map((collection) => ({
              collectionName: collection.name,
              description: collection.purpose,
              aclTag: 'CUSTOM',
              aclRule: ruleText(collection.rule),
              createIndexes: collection.indexes.map((index) => ({
                name: index.name,
                unique: index.unique,
                keys: index.keys.map((key) => ({ name: key.field, direction: String(key.direction) })),
              })),
            })),
          },
        },
      },
    },
  };
}

export function cloudbaseRcText(declaration: readonly CollectionDeclaration[] = DATABASE): string {
  return `${JSON.stringify(cloudbaseRc(declaration), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(CLOUDBASERC_PATH, cloudbaseRcText());
  console.log(`wrote ${path.relative(process.cwd(), CLOUDBASERC_PATH)}`);
}
