/**
 * The three training collections through @cloudbase/node-sdk. Returns documents after the forgiving read
 * (read-stored.ts); what the database holds is never trusted to be well-formed.
 */
import { type MaterialView, type SessionView, type TrainingView } from '../../miniprogram/contracts/training';
import { TRAINING_LIMITS } from './limits';
import { COLLECTIONS } from '../database/collections';
import type { Database } from '../runtime/cloud';
import { normalizeMaterial, normalizeSession, normalizeTraining } from './read-stored';

function rowsOf(result: { data?: unknown }): unknown[] {
  return Array.isArray(result.data) ? result.data : [];
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

export class TrainingRepository {
  constructor(private readonly db: Database) {}

  async trainings(): Promise<TrainingView[]> {
    // A course has one training document; a handful more (last year's) are still read whole.
    const result = await this.db.collection(COLLECTIONS.trainings).limit(20).get();
    return rowsOf(result).map(normalizeTraining).filter(present);
  }

  async sessions(): Promise<SessionView[]> {
    const result = await this.db.collection(COLLECTIONS.trainingSessions).limit(TRAINING_LIMITS.maxSessions).get();
    return rowsOf(result).map(normalizeSession).filter(present);
  }

  async sessionById(id: string): Promise<SessionView | null> {
    const result = await this.db.collection(COLLECTIONS.trainingSessions).doc(id).get();
    const [row] = rowsOf(result);
    return row === undefined ? null : normalizeSession(row);
  }

  /** All materials, or those of one session: naming it as `sessionId` or listed in `materialIds`. */
  async materials(scope?: { sessionId: string; materialIds: string[] }): Promise<MaterialView[]> {
    const collection = this.db.collection(COLLECTIONS.trainingMaterials);
    if (scope === undefined) {
      return rowsOf(await collection.limit(TRAINING_LIMITS.maxMaterials).get())
        .map(normalizeMaterial)
        .filter(present);
    }
    const _ = this.db.command;
    const query =
      scope.materialIds.length === 0
        ? { sessionId: scope.sessionId }
        : _.or([{ sessionId: scope.sessionId }, { _id: _.in(scope.materialIds) }]);
    const result = await collection.where(query).limit(TRAINING_LIMITS.maxMaterials).get();
    return rowsOf(result).map(normalizeMaterial).filter(present);
  }
}
