/** Typed client of the `trainees` cloud function: one's own enrolment (me, enroll, leave). */
import type { Envelope } from '../contracts/envelope';
import {
  TRAINEES_FUNCTION,
  type EnrollRequest,
  type EnrollResponse,
  type LeaveResponse,
  type MeResponse,
  type TraineesActions,
} from '../contracts/trainees';
import { callFunction } from './cloud';

export function getMe(): Promise<Envelope<MeResponse>> {
  return callFunction<TraineesActions, 'me'>(TRAINEES_FUNCTION, { action: 'me' });
}

export function enroll(request: Omit<EnrollRequest, 'action'>): Promise<Envelope<EnrollResponse>> {
  return callFunction<TraineesActions, 'enroll'>(TRAINEES_FUNCTION, { action: 'enroll', ...request });
}

export function leaveTraining(): Promise<Envelope<LeaveResponse>> {
  return callFunction<TraineesActions, 'leave'>(TRAINEES_FUNCTION, { action: 'leave' });
}
