/** Cloud function `training`: the course, its schedule and its materials. All logic lives in core/training. */
import type { TrainingActions } from '../../miniprogram/contracts/training';
import { trainingActions } from '../../core/training/actions';
import { defineFunction } from '../../core/runtime/define-function';

export const main = defineFunction<TrainingActions>({ actions: trainingActions });
