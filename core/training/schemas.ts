/** zod schemas of the `training` actions, typed against the shared contract so the two cannot drift. */
import * as z from 'zod';
import {
  MATERIAL_KINDS,
  TRAINING_LIMITS,
  type MaterialsRequest,
  type OverviewRequest,
  type SessionRequest,
} from '../../miniprogram/contracts/training';

const id = z.string().trim().min(1).max(TRAINING_LIMITS.maxIdLength);

export const overviewSchema: z.ZodType<OverviewRequest> = z.object({ action: z.literal('overview') });

export const sessionSchema: z.ZodType<SessionRequest> = z.object({ action: z.literal('session'), id });

export const materialsSchema: z.ZodType<MaterialsRequest> = z.object({
  action: z.literal('materials'),
  sessionId: id.optional(),
  kind: z.enum(MATERIAL_KINDS).optional(),
});
