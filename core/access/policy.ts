/**
 * Who may do what: THE rule of the product, in one table. Every action of every function names the
 * capability it needs (defineFunction checks it before the handler runs); an action on one group's
 * data asks again with the group (`authorize(principal, capability, { groupNo })`).
 * Everything not allowed here is PERMISSION_DENIED. tests/functions/authorization.test.ts proves the
 * table through the functions host, every action × every kind of caller.
 */
import { AppError } from '../runtime/errors';
import type { Principal } from './principal';

/** What an action needs. A scoped capability may be asked for with the group it concerns. */
export type Capability =
  /** Published reading matter (articles, schedule, materials): anyone, no enrolment needed. */
  | 'content.read'
  /** One's own enrolment (me, enroll, leave): any WeChat user. */
  | 'enrolment.self'
  /** Writing one's own reflections and reading the featured ones: enrolled people. */
  | 'reflections.write'
  /** Reading a group's published reflections: its members (and admins). Scoped by group. */
  | 'reflections.readGroup'
  /** Reviewing a group's reflections (approve, return, hide, feature, stats): its leader, admins. Scoped by group. */
  | 'reflections.review'
  /** Managing the roster and roles: organisers. */
  | 'trainees.manage'
  /** Writing and publishing articles: organisers. */
  | 'articles.manage';

export interface Scope {
  /** The group the data belongs to; absent when the action asks "may this caller ever do this". */
  groupNo?: number | null;
}

/** Organisers: a console call, or an enrolled person whose role is admin. */
export function isAdmin(principal: Principal): boolean {
  return principal.kind === 'console' || (principal.kind === 'member' && principal.role === 'admin');
}

function inGroup(principal: Principal, scope: Scope): boolean {
  if (principal.kind !== 'member' || principal.groupNo === null) return false;
  return scope.groupNo === undefined || scope.groupNo === principal.groupNo;
}

const RULES: Record<Capability, (principal: Principal, scope: Scope) => boolean> = {
  'content.read': () => true,
  'enrolment.self': (p) => p.kind === 'visitor' || p.kind === 'member',
  'reflections.write': (p) => p.kind === 'member',
  'reflections.readGroup': (p, scope) => (p.kind === 'member' && p.role === 'admin') || inGroup(p, scope),
  'reflections.review': (p, scope) => isAdmin(p) || (p.kind === 'member' && p.role === 'leader' && inGroup(p, scope)),
  'trainees.manage': isAdmin,
  'articles.manage': isAdmin,
};

export function can(principal: Principal, capability: Capability, scope: Scope = {}): boolean {
  return RULES[capability](principal, scope);
}

/** Throw PERMISSION_DENIED unless the principal has the capability (for the group, when one is given). */
export function authorize(principal: Principal, capability: Capability, scope: Scope = {}): void {
  if (can(principal, capability, scope)) return;
  // A visitor is usually one step away: say which.
  if (principal.kind === 'visitor') throw new AppError('PERMISSION_DENIED', '请先在“我的”页面加入培训班');
  throw new AppError('PERMISSION_DENIED');
}
