/**
 * The authorisation table: every action of every function × every kind of caller, the expected outcome
 * of each cell written once. One file per function beside this one (`<function>.rows.ts`) exports its
 * rows; tests/functions/authorization.test.ts runs them all through the functions host.
 *
 * A cell's outcome is 'allowed' (the permission rule let the call through: the answer is anything but
 * PERMISSION_DENIED) or 'denied' (PERMISSION_DENIED, and nothing was written).
 */

/** The callers every row is tried as. */
export const CALLER_KINDS = ['console', 'visitor', 'trainee1', 'trainee2', 'leader1', 'leader2', 'admin'] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

export type Outcome = 'allowed' | 'denied';

export interface CallerFixture {
  /** x-wx-openid sent to the functions host; null = a console call (no WeChat user). */
  openid: string | null;
  /** The `trainees` document enrolled for this caller before the table runs (none for console and visitor). */
  enrolment: { name: string; unit: string; post: string; groupNo: number; role: 'trainee' | 'leader' | 'admin' } | null;
}

/** Fixed identities, so a row may name them (e.g. setRole on trainee2's openid). */
export const CALLERS: Record<CallerKind, CallerFixture> = {
  console: { openid: null, enrolment: null },
  visitor: { openid: 'authz-visitor', enrolment: null },
  trainee1: {
    openid: 'authz-trainee-g1',
    enrolment: { name: '示例学员甲', unit: '示例单位', post: '', groupNo: 1, role: 'trainee' },
  },
  trainee2: {
    openid: 'authz-trainee-g2',
    enrolment: { name: '示例学员乙', unit: '示例单位', post: '', groupNo: 2, role: 'trainee' },
  },
  leader1: {
    openid: 'authz-leader-g1',
    enrolment: { name: '示例组长甲', unit: '示例单位', post: '', groupNo: 1, role: 'leader' },
  },
  leader2: {
    openid: 'authz-leader-g2',
    enrolment: { name: '示例组长乙', unit: '示例单位', post: '', groupNo: 2, role: 'leader' },
  },
  admin: {
    openid: 'authz-admin',
    enrolment: { name: '示例管理员', unit: '示例单位', post: '', groupNo: 1, role: 'admin' },
  },
};

/** What a row's event may depend on: ids of documents the row's `prepare` created, keyed as it likes. */
export type Prepared = Record<string, string>;

export interface AuthorizationRow {
  /** Cloud function name (folder under cloudfunctions/). */
  fn: string;
  action: string;
  /** A short note when one action has several rows (e.g. "own group" / "other group"). */
  note?: string;
  /**
   * Runs once before the row's cells, with a database handle (the real node-sdk against the emulator):
   * create what the event refers to (a reflection of group 1, a draft article...) and return its ids.
   */
  prepare?: (db: import('../../support/emulator').Database) => Promise<Prepared>;
  /** The event sent (its `action` is added). A valid request, so 'allowed' cells really pass the rule. */
  event: (prepared: Prepared, caller: CallerKind) => Record<string, unknown>;
  expect: Record<CallerKind, Outcome>;
}
