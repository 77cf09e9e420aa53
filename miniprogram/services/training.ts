/** Typed client of the `training` cloud function: the course overview, one session, the materials. */
import type { Envelope } from '../contracts/envelope';
import {
  TRAINING_FUNCTION,
  type MaterialKind,
  type MaterialsResponse,
  type OverviewResponse,
  type SessionResponse,
  type TrainingActions,
} from '../contracts/training';
import { callFunction } from './cloud';

export function getOverview(): Promise<Envelope<OverviewResponse>> {
  return callFunction<TrainingActions, 'overview'>(TRAINING_FUNCTION, { action: 'overview' });
}

export function getSession(id: string): Promise<Envelope<SessionResponse>> {
  return callFunction<TrainingActions, 'session'>(TRAINING_FUNCTION, { action: 'session', id });
}

export function listMaterials(
  filter: { sessionId?: string; kind?: MaterialKind } = {},
): Promise<Envelope<MaterialsResponse>> {
  return callFunction<TrainingActions, 'materials'>(TRAINING_FUNCTION, { action: 'materials', ...filter });
}
