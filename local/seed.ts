/**
 * Put the seed into a database that lacks it, through @cloudbase/node-sdk (the same path the functions use).
 * Idempotent: each document is keyed by its stable `_id` and written only when absent, so an organiser's
 * edits in the local data are never overwritten by a restart.
 */
import type { Database } from '../core/runtime/cloud';
import { ARTICLES_COLLECTION } from '../core/articles/document';
import { loadSeedArticles } from '../seed/articles';
import { seedTraining } from '../seed/training/index';

export interface SeedResult {
  inserted: string[];
  skipped: string[];
}

export async function seedDatabase(db: Database): Promise<SeedResult> {
  const result: SeedResult = { inserted: [], skipped: [] };
  for (const { _id, ...fields } of loadSeedArticles()) {
    const existing = await db.collection(ARTICLES_COLLECTION).doc(_id).get();
    if (Array.isArray(existing.data) && existing.data.length > 0) {
      result.skipped.push(_id);
      continue;
    }
    await db.collection(ARTICLES_COLLECTION).doc(_id).set(fields);
    result.inserted.push(_id);
  }
  // The course, its sessions, materials and lecture study notes (seed/training); same rule: only what is missing.
  await seedTraining(db);
  return result;
}
