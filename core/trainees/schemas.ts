/**
 * Schemas of the `trainees` actions (zod/mini), typed against the shared contract. The enrolment fields are
 * normalised here (trimmed, every kind of space made one half-width space, middle dots unified) and checked
 * with the very rules and sentences the form uses (lib/enrolment-fields), so the phone can show a refusal
 * under the field it concerns.
 */
import * as z from 'zod/mini';
import { ROLES } from '../../miniprogram/contracts/people';
import {
  TRAINEES_LIMITS,
  type EnrollRequest,
  type ListEnrolledRequest,
  type ListRequest,
  type SetRoleRequest,
  type UnbindRequest,
} from '../../miniprogram/contracts/trainees';
import {
  codeProblem,
  ENROL_LIMITS,
  nameProblem,
  normalizeName,
  normalizeSpaces,
  postProblem,
  unitProblem,
} from '../../miniprogram/lib/enrolment-fields';
import type { Schema } from '../runtime/validation';
import { MAX_GROUP_NO } from './read-stored';

/** A text field: bounded raw length, normalised, then the form's own rule (its message names the problem). */
function field(normalize: (value: string) => string, problem: (value: string) => string | null) {
  return z.string().check(
    z.maxLength(ENROL_LIMITS.rawMax),
    z.overwrite(normalize),
    z.superRefine((value, ctx) => {
      const message = problem(value);
      if (message !== null) ctx.issues.push({ code: 'custom', message, input: value });
    }),
  );
}

const groupNo = z.number().check(z.int(), z.minimum(1), z.maximum(MAX_GROUP_NO));
const code = field(normalizeSpaces, (value) => codeProblem(value, false));
const openid = z.string().check(z.trim(), z.minLength(1), z.maxLength(TRAINEES_LIMITS.maxOpenidLength));

export const meSchema: Schema<{ action: 'me' }> = z.object({ action: z.literal('me') });
export const leaveSchema: Schema<{ action: 'leave' }> = z.object({ action: z.literal('leave') });
export const lockSchema: Schema<{ action: 'lock' }> = z.object({ action: z.literal('lock') });
export const unlockSchema: Schema<{ action: 'unlock' }> = z.object({ action: z.literal('unlock') });

export const enrollSchema: Schema<EnrollRequest> = z.object({
  action: z.literal('enroll'),
  name: field(normalizeName, nameProblem),
  unit: field(normalizeSpaces, unitProblem),
  post: z.optional(field(normalizeSpaces, postProblem)),
  groupNo,
  enrolCode: z.optional(code),
  claimCode: z.optional(code),
});

const pageFields = {
  groupNo: z.optional(groupNo),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(TRAINEES_LIMITS.maxCursorLength))),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(TRAINEES_LIMITS.maxPageSize))),
};

export const listSchema: Schema<ListRequest> = z.object({ action: z.literal('list'), ...pageFields });

export const listEnrolledSchema: Schema<ListEnrolledRequest> = z.object({
  action: z.literal('listEnrolled'),
  ...pageFields,
});

export const setRoleSchema: Schema<SetRoleRequest> = z.object({
  action: z.literal('setRole'),
  openid,
  role: z.enum(ROLES),
  groupNo: z.optional(groupNo),
});

export const unbindSchema: Schema<UnbindRequest> = z.object({ action: z.literal('unbind'), openid });
