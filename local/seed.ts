/**
 * Put the seed into a database that lacks it (seed/insert-missing.ts: through node-sdk, only what is missing,
 * so an organiser's edits in the local data are never overwritten by a restart).
 */
import type { Database } from '../core/runtime/cloud';
import { COLLECTIONS } from '../core/database/collections';
import { loadSeedArticles } from '../seed/articles';
import { insertMissing, type SeedResult } from '../seed/insert-missing';
import { seedTraining } from '../seed/training/index';

export type { SeedResult };

/** The course report and the training seed; answers what happened to the report's articles. */
export async function seedDatabase(db: Database): Promise<SeedResult> {
  const result = await insertMissing(db, COLLECTIONS.articles, loadSeedArticles());
  // The course, its sessions, materials and lecture study notes (seed/training).
  await seedTraining(db);
  return result;
}
