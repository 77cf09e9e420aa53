/**
 * Schemas of the `reflections` actions (zod/mini), typed against the contract. Text is tidied (whitespace
 * and invisible characters off both ends) and then counted in grapheme clusters, as readers count.
 * Only the declared fields survive parsing: an `_openid`, `groupNo` or `role` in the event is dropped,
 * and an operator object such as {$gt: ''} where text belongs is INVALID_ARGUMENT before anything is read.
 */
import * as z from 'zod/mini';
import {
  REFLECTION_LIMITS as LIMITS,
  REFLECTION_MESSAGES as MESSAGES,
  type IdRequest,
  type ListPendingRequest,
  type PageRequest,
  type ReturnReflectionRequest,
  type SubmitReflectionRequest,
  type UpdateReflectionRequest,
} from '../../miniprogram/contracts/reflections';
import { countGraphemes, isBlank, tidy } from '../../miniprogram/lib/graphemes';
import type { Schema } from '../runtime/validation';

function countedText(min: number, max: number, blankMessage: string, shortMessage: string, longMessage: string) {
  return z.string().check(
    z.overwrite(tidy),
    z.refine((value) => !isBlank(value), { error: blankMessage }),
    z.refine((value) => countGraphemes(value) >= min, { error: shortMessage }),
    z.refine((value) => countGraphemes(value) <= max, { error: longMessage }),
  );
}

const title = countedText(
  LIMITS.titleMin,
  LIMITS.titleMax,
  MESSAGES.titleEmpty,
  MESSAGES.titleEmpty,
  MESSAGES.titleTooLong,
);
const content = countedText(
  LIMITS.contentMin,
  LIMITS.contentMax,
  MESSAGES.contentTooShort,
  MESSAGES.contentTooShort,
  MESSAGES.contentTooLong,
);
const comment = countedText(
  1,
  LIMITS.commentMax,
  MESSAGES.commentEmpty,
  MESSAGES.commentEmpty,
  MESSAGES.commentTooLong,
);
const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.maxIdLength));
const sessionId = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.maxIdLength)));
const requestId = z.string().check(
  z.regex(new RegExp(`^[A-Za-z0-9_-]{${LIMITS.requestIdMin},${LIMITS.requestIdMax}}$`), {
    error: MESSAGES.badRequestId,
  }),
);
/** The `updatedAt` the caller saw (an ISO instant as views carry it). */
const updatedAt = z.optional(z.string().check(z.maxLength(40)));
const cursor = z.optional(z.string().check(z.maxLength(200)));
const limit = z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(LIMITS.maxPageSize)));

export const submitSchema: Schema<SubmitReflectionRequest> = z.object({
  action: z.literal('submit'),
  requestId,
  title,
  content,
  sessionId,
});

export const updateSchema: Schema<UpdateReflectionRequest> = z.object({
  action: z.literal('update'),
  id,
  title,
  content,
  sessionId,
});

export const returnSchema: Schema<ReturnReflectionRequest> = z.object({
  action: z.literal('return'),
  id,
  comment,
  updatedAt,
});

export function idSchema<A extends string>(action: A): Schema<IdRequest<A>> {
  return z.object({ action: z.literal(action), id, updatedAt }) as unknown as Schema<IdRequest<A>>;
}

export function pageSchema<A extends string>(action: A): Schema<PageRequest<A>> {
  return z.object({ action: z.literal(action), cursor, limit }) as unknown as Schema<PageRequest<A>>;
}

export const listPendingSchema: Schema<ListPendingRequest> = z.object({
  action: z.literal('listPending'),
  cursor,
  limit,
  groupNo: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(99))),
});

export const statsSchema: Schema<{ action: 'stats' }> = z.object({ action: z.literal('stats') });
