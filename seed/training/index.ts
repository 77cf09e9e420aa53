/**
 * The training seed — the course, its sessions, their materials and the lecture study notes (articles) —
 * read from the files beside this module, and written into a database that lacks it.
 * Every fact comes from the course report; what it does not say (the lectures' days, any hour) is absent.
 * Used by the local stack (local/seed.ts) and the tests; never bundled into a function.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withReaderFields } from '../../core/articles/admin';
import type { ArticleDocument } from '../../core/articles/stored';
import type { Database } from '../../core/runtime/cloud';
import { COLLECTIONS } from '../../core/database/collections';
import { insertMissing, type SeedResult } from '../insert-missing';
import type { MaterialDocument, SessionDocument, TrainingDocument } from '../../core/training/stored';

type WithId<T> = T & { _id: string };

/** A study note: an `articles` document, tagged so a list of course reports can leave notes out. */
export type StudyNoteDocument = ArticleDocument & { category: '学习笔记' };

export interface TrainingSeed {
  training: WithId<TrainingDocument>;
  sessions: WithId<SessionDocument>[];
  materials: WithId<MaterialDocument>[];
  notes: StudyNoteDocument[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(__dirname, file), 'utf8')) as T;
}

function loadNotes(now: Date): StudyNoteDocument[] {
  const dir = path.join(__dirname, 'notes');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const { bodyFile, ...meta } = readJson<Omit<StudyNoteDocument, 'body' | 'updatedAt'> & { bodyFile: string }>(
        path.join('notes', file),
      );
      const note = { ...meta, body: readFileSync(path.join(dir, bodyFile), 'utf8'), updatedAt: now.toISOString() };
      return { ...withReaderFields(note), category: note.category };
    });
}

/** The whole training seed. `updatedAt` of the notes is the moment of the import, the only fact we add. */
export function loadSeedTraining(now: Date = new Date()): TrainingSeed {
  return {
    training: readJson('training.json'),
    sessions: readJson('sessions.json'),
    materials: readJson('materials.json'),
    notes: loadNotes(now),
  };
}

/** Write the seed into `db` where absent (insertMissing); answers `<collection>/<_id>` of each document. */
export async function seedTraining(db: Database, seed: TrainingSeed = loadSeedTraining()): Promise<SeedResult> {
  const result: SeedResult = { inserted: [], skipped: [] };
  const batches: [string, { _id: string }[]][] = [
    [COLLECTIONS.trainings, [seed.training]],
    [COLLECTIONS.trainingSessions, seed.sessions],
    [COLLECTIONS.trainingMaterials, seed.materials],
    [COLLECTIONS.articles, seed.notes],
  ];
  for (const [collection, documents] of batches) {
    const written = await insertMissing(db, collection, documents);
    result.inserted.push(...written.inserted.map((id) => `${collection}/${id}`));
    result.skipped.push(...written.skipped.map((id) => `${collection}/${id}`));
  }
  return result;
}
