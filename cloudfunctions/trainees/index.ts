/** Cloud function `trainees`: enrolment, the roster and roles. All logic lives in core/trainees. */
import type { TraineesActions } from '../../miniprogram/contracts/trainees';
import { traineesActions } from '../../core/trainees/actions';
import { defineFunction } from '../../core/runtime/define-function';

export const main = defineFunction<TraineesActions>({ actions: traineesActions });
