/**
 * The one way seed data goes into a database: through node-sdk (the path the functions use), each document
 * keyed by its stable `_id` and written only when absent ("check, then set"), so a restart never overwrites
 * what an organiser edited. Used by the local stack (local/seed.ts) and the training seed.
 */
import type { Database } from '../core/runtime/cloud';

export interface SeedResult {
  /** `_id`s written now. */
  inserted: string[];
  /** `_id`s already present, left as they were. */
  skipped: string[];
}

export async function insertMissing(
  db: Database,
  collection: string,
  documents: readonly { _id: string }[],
): Promise<SeedResult> {
  const result: SeedResult = { inserted: [], skipped: [] };
  for (const { _id, ...fields } of documents) {
    const existing = await db.collection(collection).doc(_id).get();
    if (Array.isArray(existing.data) && existing.data.length > 0) {
      result.skipped.push(_id);
      continue;
    }
    await db.collection(collection).doc(_id).set(fields);
    result.inserted.push(_id);
  }
  return result;
}
