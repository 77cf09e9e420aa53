/**
 * The `reflections` function in the authorisation table: who may call each action. Scoped actions have
 * a row for a reflection of group 1 and one of group 2 (leader1 reviews group 1 only, leader2 group 2).
 * 'allowed' means the rule let the call through; the answer may still be NOT_FOUND (someone else's
 * reflection) or CONFLICT (a move the status does not allow) — those are the use cases' business.
 */
import { COLLECTIONS } from '../../../core/database/collections';
import type { Database } from '../../support/emulator';
import type { AuthorizationRow, CallerKind, Outcome } from './table';

const CONTENT = '这是授权表用的示例心得，正文超过二十个字，内容无关紧要。';

/** A reflection of `groupNo`, written straight into the collection (as the function stores it). */
async function reflectionOf(db: Database, groupNo: number, status: 'pending' | 'published'): Promise<string> {
  const now = new Date();
  const id = `authz-reflection-g${groupNo}-${status}-${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await db.collection(COLLECTIONS.reflections).add({
    _id: id,
    requestId: id,
    authorOpenid: `authz-author-g${groupNo}`,
    authorName: '示例作者',
    authorUnit: '示例单位',
    groupNo,
    title: '示例心得',
    content: CONTENT,
    sessionId: null,
    sessionTitle: '',
    status,
    featured: false,
    comment: '',
    check: { suggest: 'pass', label: '', checker: 'words', at: now },
    createdAt: now,
    updatedAt: now,
    sortKey: `${now.toISOString()}|${id}`,
    history: [],
  });
  return id;
}

function outcomes(allowed: CallerKind[]): Record<CallerKind, Outcome> {
  const kinds: CallerKind[] = ['console', 'visitor', 'trainee1', 'trainee2', 'leader1', 'leader2', 'admin'];
  return Object.fromEntries(kinds.map((kind) => [kind, allowed.includes(kind) ? 'allowed' : 'denied'])) as Record<
    CallerKind,
    Outcome
  >;
}

const MEMBERS: CallerKind[] = ['trainee1', 'trainee2', 'leader1', 'leader2', 'admin'];
const REVIEWERS_ANY: CallerKind[] = ['console', 'leader1', 'leader2', 'admin'];
const REVIEWERS_OF = (group: 1 | 2): CallerKind[] => ['console', group === 1 ? 'leader1' : 'leader2', 'admin'];

function ownReflectionRow(action: 'update' | 'withdraw' | 'get'): AuthorizationRow {
  return {
    fn: 'reflections',
    action,
    note: 'a group 1 reflection (non-authors get NOT_FOUND, which is allowed by the rule)',
    prepare: async (db) => ({ id: await reflectionOf(db, 1, 'published') }),
    event: ({ id }) => (action === 'update' ? { id, title: '改后的标题', content: CONTENT } : { id }),
    expect: outcomes(MEMBERS),
  };
}

function reviewRows(action: 'approve' | 'return' | 'hide' | 'feature' | 'unfeature'): AuthorizationRow[] {
  return ([1, 2] as const).map((group) => ({
    fn: 'reflections',
    action,
    note: `a group ${group} reflection`,
    prepare: async (db) => ({ id: await reflectionOf(db, group, action === 'approve' ? 'pending' : 'published') }),
    event: ({ id }) => (action === 'return' ? { id, comment: '请补充具体做法' } : { id }),
    expect: outcomes(REVIEWERS_OF(group)),
  }));
}

export const rows: AuthorizationRow[] = [
  {
    fn: 'reflections',
    action: 'submit',
    event: (_prepared, caller) => ({ requestId: `authz-submit-${caller}`, title: '授权表心得', content: CONTENT }),
    expect: outcomes(MEMBERS),
  },
  ownReflectionRow('update'),
  ownReflectionRow('withdraw'),
  ownReflectionRow('get'),
  { fn: 'reflections', action: 'listMine', event: () => ({}), expect: outcomes(MEMBERS) },
  { fn: 'reflections', action: 'listFeatured', event: () => ({}), expect: outcomes(MEMBERS) },
  {
    fn: 'reflections',
    action: 'listGroup',
    note: 'always the caller’s own group',
    event: () => ({}),
    expect: outcomes(MEMBERS),
  },
  {
    fn: 'reflections',
    action: 'listGroup',
    note: 'a forged groupNo is ignored (still the own group, so allowed)',
    event: () => ({ groupNo: 2, _openid: 'authz-trainee-g2' }),
    expect: outcomes(MEMBERS),
  },
  {
    fn: 'reflections',
    action: 'listPending',
    note: 'the groups one reviews',
    event: () => ({}),
    expect: outcomes(REVIEWERS_ANY),
  },
  {
    fn: 'reflections',
    action: 'listPending',
    note: 'group 1 named',
    event: () => ({ groupNo: 1 }),
    expect: outcomes(REVIEWERS_OF(1)),
  },
  {
    fn: 'reflections',
    action: 'listPending',
    note: 'group 2 named',
    event: () => ({ groupNo: 2 }),
    expect: outcomes(REVIEWERS_OF(2)),
  },
  ...reviewRows('approve'),
  ...reviewRows('return'),
  ...reviewRows('hide'),
  ...reviewRows('feature'),
  ...reviewRows('unfeature'),
  { fn: 'reflections', action: 'stats', event: () => ({}), expect: outcomes(REVIEWERS_ANY) },
];
