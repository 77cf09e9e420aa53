/**
 * The database, declared once: every collection the product uses, its indexes and the security rule for
 * direct client access. The emulator reads this (local/emulator), deploy applies it (scripts/deploy),
 * repositories take their collection names from here.
 *
 * - A collection not declared here does not exist locally (DATABASE_COLLECTION_NOT_EXIST), as in a real
 *   environment where deploy did not create it.
 * - Declare an index for every query (filter + sort). One serves a query when it starts with fields the
 *   filter fixes by equality and continues with the sort fields, in its directions or all reversed (a
 *   trailing `_id` sort is free); without a sort, when it starts with a filtered field. The emulator warns
 *   about a query no index serves, naming the collection and fields. `unique` indexes refuse duplicates
 *   (DATABASE_DUPLICATE_WRITE; a missing field counts as null).
 * - Deploy creates what is missing and never drops an index. After a change, regenerate cloudbaserc.json:
 *   `npx tsx scripts/deploy/cloudbaserc.ts` (a unit test fails until you do).
 *
 * Client access: everything is read and written through the cloud functions (server SDKs ignore the
 * rules), so every collection refuses direct client reads and writes.
 */

export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexDeclaration {
  /** Index name as created in CloudBase (letters, digits, underscore). */
  name: string;
  keys: IndexKey[];
  unique: boolean;
}

/** CloudBase's custom security rule: `true`, `false` or an expression over `doc` and `auth`. */
export interface SecurityRule {
  read: boolean | string;
  write: boolean | string;
}

export interface CollectionDeclaration {
  name: string;
  /** What the collection holds, for the docs and the deploy plan. */
  purpose: string;
  indexes: IndexDeclaration[];
  rule: SecurityRule;
}

/** Only the cloud functions read and write. */
const FUNCTIONS_ONLY: SecurityRule = { read: false, write: false };

export const COLLECTIONS = {
  articles: 'articles',
  trainings: 'trainings',
  trainingSessions: 'training_sessions',
  trainingMaterials: 'training_materials',
  trainees: 'trainees',
  roster: 'roster',
  enrolAttempts: 'enrol_attempts',
  reflections: 'reflections',
} as const;

function index(name: string, ...keys: Array<[string, 1 | -1]>): IndexDeclaration {
  return { name, keys: keys.map(([field, direction]) => ({ field, direction })), unique: false };
}

export const DATABASE: readonly CollectionDeclaration[] = [
  {
    name: COLLECTIONS.articles,
    purpose: '文章：课程报道、通知、学习资料',
    // One index per query of core/articles/repository.ts (readers' list, its category tab, search and
    // neighbours all filter status [+ category] and order by sortKey; hand-made documents without a sortKey
    // are paged by _id; the organisers' list filters status and orders by updatedAt).
    indexes: [
      index('status_sortKey', ['status', 1], ['sortKey', -1]),
      index('status_category_sortKey', ['status', 1], ['category', 1], ['sortKey', -1]),
      index('status_id', ['status', 1], ['_id', -1]),
      index('status_updatedAt', ['status', 1], ['updatedAt', -1], ['_id', -1]),
      index('updatedAt', ['updatedAt', -1], ['_id', -1]),
    ],
    rule: FUNCTIONS_ONLY,
  },
  {
    name: COLLECTIONS.trainings,
    purpose: '培训班（课程名称、日期、地点、组数、报名设置）',
    indexes: [],
    rule: FUNCTIONS_ONLY,
  },
  { name: COLLECTIONS.trainingSessions, purpose: '日程：讲座、交流会、分组研讨', indexes: [], rule: FUNCTIONS_ONLY },
  {
    name: COLLECTIONS.trainingMaterials,
    purpose: '课程资料',
    indexes: [index('session', ['sessionId', 1])],
    rule: FUNCTIONS_ONLY,
  },
  {
    name: COLLECTIONS.trainees,
    purpose: '学员报名：每个微信用户一条，_id 为其 openid',
    indexes: [
      index('group_role', ['groupNo', 1], ['role', 1]),
      // listEnrolled { groupNo, cursor }: one group's people in openid (_id) order.
      index('group_id', ['groupNo', 1], ['_id', 1]),
    ],
    rule: FUNCTIONS_ONLY,
  },
  {
    name: COLLECTIONS.roster,
    purpose: '花名册：组织者通过控制台导入',
    indexes: [
      index('name_unit', ['name', 1], ['unit', 1]),
      // list { groupNo, cursor }: one group's rows in _id order.
      index('group_id', ['groupNo', 1], ['_id', 1]),
      // leave / unbind free the rows bound to an openid.
      index('bound_openid', ['boundOpenid', 1]),
    ],
    rule: FUNCTIONS_ONLY,
  },
  {
    name: COLLECTIONS.enrolAttempts,
    purpose: '报名时输错的班级口令和认领码（按微信用户限制次数），只记时间',
    indexes: [index('openid_at', ['openid', 1], ['at', -1])],
    rule: FUNCTIONS_ONLY,
  },
  {
    name: COLLECTIONS.reflections,
    // Idempotent submit rests on _id (derived from author and requestId, unique like every _id), not on a
    // secondary unique index: the emulator and CloudBase's database both refuse a second insert of the same _id.
    // History is embedded ({at, by, move, from, to, comment} per change): every change of status is one
    // conditional update of one document, so the status and its history can never disagree.
    purpose: '研讨心得：学员提交，本组可见，组长和管理员审核；history 记录每次状态变化',
    indexes: [
      // listGroup: a group's published reflections, newest first (sortKey = createdAt|_id).
      index('group_status_sort', ['groupNo', 1], ['status', 1], ['sortKey', -1]),
      // listFeatured: featured and published, newest first.
      index('featured_status_sort', ['featured', 1], ['status', 1], ['sortKey', -1]),
      // listMine, and submit's rate limit (one's submissions of the last minute).
      index('author_sort', ['authorOpenid', 1], ['sortKey', -1]),
      index('author_created', ['authorOpenid', 1], ['createdAt', -1]),
      // listPending of all groups (admins); a group's queue uses group_status_sort.
      index('status_sort', ['status', 1], ['sortKey', 1]),
    ],
    rule: FUNCTIONS_ONLY,
  },
];
