/**
 * Expectation presets for rows whose callers split the usual ways; a row with its own split writes it out.
 * Each is a plain table, read the same way as one written in a row.
 */
import type { CallerKind, Outcome } from './table';

/** Published reading matter: everyone, a console call included. */
export const EVERYONE: Record<CallerKind, Outcome> = {
  console: 'allowed',
  visitor: 'allowed',
  trainee1: 'allowed',
  trainee2: 'allowed',
  leader1: 'allowed',
  leader2: 'allowed',
  admin: 'allowed',
};

/** Any WeChat user acting on themselves; a console call has no self. */
export const ANY_WECHAT_USER: Record<CallerKind, Outcome> = { ...EVERYONE, console: 'denied' };

/** Organisers only: a console call or an enrolled admin. */
export const ORGANISERS: Record<CallerKind, Outcome> = {
  console: 'allowed',
  visitor: 'denied',
  trainee1: 'denied',
  trainee2: 'denied',
  leader1: 'denied',
  leader2: 'denied',
  admin: 'allowed',
};
