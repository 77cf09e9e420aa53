/**
 * The `trainees` function's actions, checked against TraineesActions by defineFunction's type.
 * me / enroll / leave: any WeChat user, about themselves. The rest: organisers (console or role admin).
 */
import type { TraineesActions } from '../../miniprogram/contracts/trainees';
import { getDatabase } from '../runtime/cloud';
import type { ActionDefinitions } from '../runtime/define-function';
import { TraineesRepository } from './repository';
import {
  enrollSchema,
  leaveSchema,
  listEnrolledSchema,
  listSchema,
  lockSchema,
  meSchema,
  setRoleSchema,
  unbindSchema,
  unlockSchema,
} from './schemas';
import { enroll, leave, list, listEnrolled, me, setLocked, setRole, unbind, type TraineesDeps } from './use-cases';

function deps(): TraineesDeps {
  return { repository: new TraineesRepository(getDatabase()), now: Date.now };
}

export const traineesActions: ActionDefinitions<TraineesActions> = {
  me: { access: 'enrolment.self', schema: meSchema, handler: (_input, ctx) => me(deps(), ctx.principal) },
  enroll: {
    access: 'enrolment.self',
    schema: enrollSchema,
    handler: (input, ctx) => enroll(deps(), ctx.principal, input),
  },
  leave: { access: 'enrolment.self', schema: leaveSchema, handler: (_input, ctx) => leave(deps(), ctx.principal) },
  list: { access: 'trainees.manage', schema: listSchema, handler: (input) => list(deps(), input) },
  listEnrolled: {
    access: 'trainees.manage',
    schema: listEnrolledSchema,
    handler: (input) => listEnrolled(deps(), input),
  },
  setRole: { access: 'trainees.manage', schema: setRoleSchema, handler: (input) => setRole(deps(), input) },
  unbind: { access: 'trainees.manage', schema: unbindSchema, handler: (input) => unbind(deps(), input) },
  lock: { access: 'trainees.manage', schema: lockSchema, handler: () => setLocked(deps(), true) },
  unlock: { access: 'trainees.manage', schema: unlockSchema, handler: () => setLocked(deps(), false) },
};
