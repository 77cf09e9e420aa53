/** Schemas of the `training` actions (zod/mini), typed against the shared contract so the two cannot drift. */
import * as z from 'zod/mini';
import {
  MATERIAL_KINDS,
  type MaterialsRequest,
  type OverviewRequest,
  type SessionRequest,
} from '../../miniprogram/contracts/training';
import { TRAINING_LIMITS } from './limits';
import type { Schema } from '../runtime/validation';

const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(TRAINING_LIMITS.maxIdLength));

export const overviewSchema: Schema<OverviewRequest> = z.object({ action: z.literal('overview') });

export const sessionSchema: Schema<SessionRequest> = z.object({ action: z.literal('session'), id });

export const materialsSchema: Schema<MaterialsRequest> = z.object({
  action: z.literal('materials'),
  sessionId: z.optional(id),
  kind: z.optional(z.enum(MATERIAL_KINDS)),
});
