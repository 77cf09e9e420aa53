/**
 * `npm run export:console`: the seed as files for the CloudBase console's 导入 (import) button — one file per
 * collection, JSON Lines (one document a line), which is the format the console imports.
 * Use it once to fill a new cloud environment with the report and the course; see docs/organiser-guide.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../core/database/collections';
import { loadSeedArticles } from '../seed/articles';
import { loadSeedTraining } from '../seed/training/index';

export const CONSOLE_IMPORT_DIR = path.resolve(__dirname, '..', 'dist', 'console-import');

/** Collection name -> documents, exactly as the local stack seeds them. */
export function consoleImportFiles(now: Date = new Date()): Record<string, object[]> {
  const training = loadSeedTraining(now);
  return {
    [COLLECTIONS.articles]: [...loadSeedArticles(now), ...training.notes],
    [COLLECTIONS.trainings]: [training.training],
    [COLLECTIONS.trainingSessions]: training.sessions,
    [COLLECTIONS.trainingMaterials]: training.materials,
  };
}

export function toJsonLines(documents: object[]): string {
  return documents.map((document) => JSON.stringify(document)).join('\n') + '\n';
}

if (require.main === module) {
  mkdirSync(CONSOLE_IMPORT_DIR, { recursive: true });
  for (const [collection, documents] of Object.entries(consoleImportFiles())) {
    const file = path.join(CONSOLE_IMPORT_DIR, `${collection}.json`);
    writeFileSync(file, toJsonLines(documents));
    console.log(`${path.relative(process.cwd(), file)}: ${documents.length} 条`);
  }
}
