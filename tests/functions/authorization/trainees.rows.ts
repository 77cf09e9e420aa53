/** Authorisation rows of the `trainees` function: one's own enrolment for any WeChat user, the rest for organisers. */
import { ANY_WECHAT_USER, ORGANISERS } from './outcomes';
import { CALLERS, type AuthorizationRow } from './table';

export const rows: AuthorizationRow[] = [
  { fn: 'trainees', action: 'me', event: () => ({}), expect: ANY_WECHAT_USER },
  {
    fn: 'trainees',
    action: 'enroll',
    event: () => ({ name: '示例新学员', unit: '示例单位', groupNo: 1, enrolCode: 'authz-code' }),
    expect: ANY_WECHAT_USER,
  },
  { fn: 'trainees', action: 'leave', event: () => ({}), expect: ANY_WECHAT_USER },
  { fn: 'trainees', action: 'list', event: () => ({ groupNo: 1, limit: 10 }), expect: ORGANISERS },
  { fn: 'trainees', action: 'listEnrolled', event: () => ({ groupNo: 1, limit: 10 }), expect: ORGANISERS },
  {
    fn: 'trainees',
    action: 'setRole',
    note: "another person's role",
    event: () => ({ openid: CALLERS.trainee2.openid, role: 'leader', groupNo: 2 }),
    expect: ORGANISERS,
  },
  {
    fn: 'trainees',
    action: 'setRole',
    note: 'making oneself admin',
    event: (_prepared, caller) => ({ openid: CALLERS[caller].openid ?? CALLERS.trainee1.openid, role: 'admin' }),
    expect: ORGANISERS,
  },
  { fn: 'trainees', action: 'unbind', event: () => ({ openid: CALLERS.trainee2.openid }), expect: ORGANISERS },
  { fn: 'trainees', action: 'lock', event: () => ({}), expect: ORGANISERS },
  { fn: 'trainees', action: 'unlock', event: () => ({}), expect: ORGANISERS },
];
