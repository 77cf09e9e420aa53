/**
 * The `reflections` function's actions, checked against ReflectionsActions by defineFunction's type.
 * Capabilities (core/access/policy): writing and the featured list need an enrolment
 * (reflections.write); the group wall needs a group (reflections.readGroup, scoped again in the
 * use cases); moderation needs reflections.review, scoped again to the reflection's group.
 */
import type { ReflectionsActions } from '../../miniprogram/contracts/reflections';
import { getDatabase } from '../runtime/cloud';
import type { ActionDefinitions } from '../runtime/define-function';
import { TrainingRepository } from '../training/repository';
import { ReflectionRepository } from './repository';
import {
  idSchema,
  listPendingSchema,
  pageSchema,
  returnSchema,
  statsSchema,
  submitSchema,
  updateSchema,
} from './schemas';
import * as useCases from './use-cases';

function deps(): useCases.ReflectionDeps {
  const db = getDatabase();
  return { repository: new ReflectionRepository(db), training: new TrainingRepository(db), now: () => new Date() };
}

export const reflectionsActions: ActionDefinitions<ReflectionsActions> = {
  submit: {
    access: 'reflections.write',
    schema: submitSchema,
    handler: (input, ctx) => useCases.submit(deps(), input, ctx.principal),
  },
  update: {
    access: 'reflections.write',
    schema: updateSchema,
    handler: (input, ctx) => useCases.update(deps(), input, ctx.principal),
  },
  withdraw: {
    access: 'reflections.write',
    schema: idSchema('withdraw'),
    handler: (input, ctx) => useCases.withdraw(deps(), input.id, ctx.principal),
  },
  get: {
    access: 'reflections.write',
    schema: idSchema('get'),
    handler: (input, ctx) => useCases.get(deps(), input.id, ctx.principal),
  },
  listMine: {
    access: 'reflections.write',
    schema: pageSchema('listMine'),
    handler: (input, ctx) => useCases.listMine(deps(), input, ctx.principal),
  },
  listGroup: {
    access: 'reflections.readGroup',
    schema: pageSchema('listGroup'),
    handler: (input, ctx) => useCases.listGroup(deps(), input, ctx.principal),
  },
  listFeatured: {
    access: 'reflections.write',
    schema: pageSchema('listFeatured'),
    handler: (input, ctx) => useCases.listFeatured(deps(), input, ctx.principal),
  },
  listPending: {
    access: 'reflections.review',
    schema: listPendingSchema,
    handler: (input, ctx) => useCases.listPending(deps(), input, ctx.principal),
  },
  approve: {
    access: 'reflections.review',
    schema: idSchema('approve'),
    handler: (input, ctx) => useCases.review(deps(), 'approve', input, ctx.principal),
  },
  return: {
    access: 'reflections.review',
    schema: returnSchema,
    handler: (input, ctx) => useCases.review(deps(), 'return', input, ctx.principal),
  },
  hide: {
    access: 'reflections.review',
    schema: idSchema('hide'),
    handler: (input, ctx) => useCases.review(deps(), 'hide', input, ctx.principal),
  },
  feature: {
    access: 'reflections.review',
    schema: idSchema('feature'),
    handler: (input, ctx) => useCases.setFeatured(deps(), true, input, ctx.principal),
  },
  unfeature: {
    access: 'reflections.review',
    schema: idSchema('unfeature'),
    handler: (input, ctx) => useCases.setFeatured(deps(), false, input, ctx.principal),
  },
  stats: {
    access: 'reflections.review',
    schema: statsSchema,
    handler: (_input, ctx) => useCases.stats(deps(), ctx.principal),
  },
};
