/**
 * Who the preview acts as. Each identity is a fixed simulated openid sent to the functions host
 * in the x-wx-openid header; the functions decide roles from it: local/demo-roster.ts enrols these openids
 * (demo data, local stack only) as the trainee and leader of each group and the admin. In WeChat every mini-program caller has an openid, so every
 * identity here has one; a call with no openid is what a console test call is (curl to
 * /functions/<name> without the header), never a phone. Shared by the server, the browser runtime
 * and the end-to-end tests.
 */

export interface PreviewIdentity {
  key: string;
  label: string;
  /** Sent as x-wx-openid. */
  openid: string;
}

/** Group numbers the switcher offers; the course's groups are not fixed here. */
export const PREVIEW_GROUPS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** A brand-new WeChat user: an openid nobody has enrolled. */
export const VISITOR: PreviewIdentity = { key: 'visitor', label: '新访客（未报名）', openid: 'preview-visitor' };
export const ADMIN: PreviewIdentity = { key: 'admin', label: '管理员', openid: 'preview-admin' };

export function traineeOf(group: number): PreviewIdentity {
  return { key: `trainee-g${group}`, label: `学员 · 第 ${group} 组`, openid: `preview-trainee-g${group}` };
}

export function leaderOf(group: number): PreviewIdentity {
  return { key: `leader-g${group}`, label: `组长 · 第 ${group} 组`, openid: `preview-leader-g${group}` };
}

export function allIdentities(): PreviewIdentity[] {
  return [VISITOR, ...PREVIEW_GROUPS.map(traineeOf), ...PREVIEW_GROUPS.map(leaderOf), ADMIN];
}

export function identityByKey(key: string): PreviewIdentity | undefined {
  return allIdentities().find((identity) => identity.key === key);
}

/** The header the mini-program's calls carry in the cloud: they come from a WeChat client. */
export const PREVIEW_SOURCE = 'wx_client';
