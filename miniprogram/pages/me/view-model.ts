/** What 我的 shows of an enrolment: plain labelled lines, worded for the reader. */
import { ROLE_LABELS } from '../../contracts/people';
import type { MeResponse } from '../../contracts/trainees';

export interface ProfileLine {
  key: string;
  label: string;
  value: string;
}

export interface MeView {
  enrolled: boolean;
  lines: ProfileLine[];
  /** The big line on top: the group, or why there is none. */
  groupLabel: string;
  roleLabel: string;
  canEdit: boolean;
  /** Said under the card: locked, closed, or how the enrolment was made. */
  note: string;
  canEnrol: boolean;
}

export function meView(me: MeResponse): MeView {
  const { settings } = me;
  if (!me.enrolled) {
    return {
      enrolled: false,
      lines: [],
      groupLabel: '',
      roleLabel: '',
      canEdit: false,
      canEnrol: settings.open && !settings.locked,
      note: settings.locked
        ? '报名名单已锁定，如需加入请联系组织者'
        : settings.open
          ? '加入后可以参加小组研讨、提交学习心得'
          : '报名尚未开放：组织者会在开班时公布班级口令',
    };
  }
  const { profile } = me;
  return {
    enrolled: true,
    groupLabel: profile.groupNo === null ? '小组待定（请联系组织者）' : `第 ${profile.groupNo} 组`,
    roleLabel: ROLE_LABELS[profile.role],
    lines: [
      { key: 'name', label: '姓名', value: profile.name },
      { key: 'unit', label: '单位', value: profile.unit },
      { key: 'post', label: '职务', value: profile.post || '未填写' },
      { key: 'role', label: '身份', value: ROLE_LABELS[profile.role] },
    ],
    canEdit: !settings.locked,
    canEnrol: false,
    note: settings.locked
      ? '报名名单已锁定，如需更正信息请联系组织者'
      : profile.onRoster
        ? '您已与组织者名单中的信息对应，小组和身份以名单为准'
        : '如信息有误，可以点“修改报名信息”更正',
  };
}
