/** Cloud function `reflections`: study reflections, the group wall, the featured ones, moderation. All logic lives in core/reflections. */
import type { ReflectionsActions } from '../../miniprogram/contracts/reflections';
import { reflectionsActions } from '../../core/reflections/actions';
import { defineFunction } from '../../core/runtime/define-function';

export const main = defineFunction<ReflectionsActions>({ actions: reflectionsActions });
