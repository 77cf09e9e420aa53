/**
 * The enrolment form's fields, read the same way on the phone (inline messages before sending) and in the
 * `trainees` function (the schema): the same normalisation, the same limits, the same Chinese sentences, so
 * a message the server sends back can be shown under the field it concerns. Pure: no wx, no SDK.
 */

export const ENROL_FIELDS = ['name', 'unit', 'post', 'groupNo', 'enrolCode', 'claimCode'] as const;
export type EnrolField = (typeof ENROL_FIELDS)[number];

export const ENROL_LIMITS = {
  nameMin: 2,
  nameMax: 20,
  unitMin: 2,
  unitMax: 40,
  postMax: 30,
  /** 班级口令 and 认领码: short words the organisers hand out. */
  codeMax: 32,
  /** Longest raw text accepted before normalising (typed text beyond this is not a name). */
  rawMax: 200,
} as const;

export const FIELD_MESSAGES = {
  nameMissing: '请填写姓名',
  nameChars: '姓名只能包含汉字、字母和间隔号“·”',
  nameLength: `姓名应为 ${ENROL_LIMITS.nameMin}–${ENROL_LIMITS.nameMax} 个字`,
  unitMissing: '请填写单位',
  unitLength: `单位应为 ${ENROL_LIMITS.unitMin}–${ENROL_LIMITS.unitMax} 个字`,
  postLength: `职务不能超过 ${ENROL_LIMITS.postMax} 个字`,
  groupMissing: '请选择所在小组',
  groupRange: '所选小组不存在，请重新选择',
  enrolCodeMissing: '请填写班级口令',
  codeLength: `口令不能超过 ${ENROL_LIMITS.codeMax} 个字符`,
  controlChars: '含有无法识别的字符，请重新输入',
} as const;

/** Every kind of space (full-width U+3000, no-break, tabs, line breaks) becomes one half-width space; ends trimmed. */
export function normalizeSpaces(value: string): string {
  return value.replace(/[\s\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]+/g, ' ').trim();
}

/** Middle dots typed in other ways (・ • ． ‧ ∙) become the 间隔号 of minority and foreign names. */
export function normalizeName(value: string): string {
  return normalizeSpaces(value)
    .replace(/[・•‧∙⋅･]/g, '·')
    .replace(/\s*·\s*/g, '·');
}

/** Characters a person sees: code points other than spaces. */
export function visibleLength(value: string): number {
  return Array.from(value.replace(/ /g, '')).length;
}

// Control characters other than whitespace (which normalizeSpaces has already turned into spaces).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const NAME = /^[\p{L}\p{M}·]+(?: [\p{L}\p{M}·]+)*$/u;

export function nameProblem(name: string): string | null {
  if (name === '') return FIELD_MESSAGES.nameMissing;
  const length = visibleLength(name);
  if (length < ENROL_LIMITS.nameMin || length > ENROL_LIMITS.nameMax) return FIELD_MESSAGES.nameLength;
  if (!NAME.test(name) || name.startsWith('·') || name.endsWith('·')) return FIELD_MESSAGES.nameChars;
  return null;
}

export function unitProblem(unit: string): string | null {
  if (unit === '') return FIELD_MESSAGES.unitMissing;
  if (CONTROL.test(unit)) return FIELD_MESSAGES.controlChars;
  const length = visibleLength(unit);
  return length < ENROL_LIMITS.unitMin || length > ENROL_LIMITS.unitMax ? FIELD_MESSAGES.unitLength : null;
}

export function postProblem(post: string): string | null {
  if (CONTROL.test(post)) return FIELD_MESSAGES.controlChars;
  return visibleLength(post) > ENROL_LIMITS.postMax ? FIELD_MESSAGES.postLength : null;
}

export function groupProblem(groupNo: number | null, groupCount: number): string | null {
  if (groupNo === null) return FIELD_MESSAGES.groupMissing;
  return Number.isInteger(groupNo) && groupNo >= 1 && groupNo <= groupCount ? null : FIELD_MESSAGES.groupRange;
}

export function codeProblem(code: string, required: boolean): string | null {
  if (code === '') return required ? FIELD_MESSAGES.enrolCodeMissing : null;
  if (CONTROL.test(code)) return FIELD_MESSAGES.controlChars;
  return code.length > ENROL_LIMITS.codeMax ? FIELD_MESSAGES.codeLength : null;
}

/** The key two spellings of one name or unit share: no spaces at all ("张<U+3000>三" on a roster is 张三), dots unified. */
export function matchKey(value: string): string {
  return normalizeName(value).replace(/ /g, '').toLowerCase();
}

export interface EnrolFormValues {
  name: string;
  unit: string;
  post: string;
  groupNo: number | null;
  enrolCode: string;
  claimCode: string;
}

/**
 * What the phone checks before sending: each field's message, or none. `codeRequired` is false when the
 * person is already enrolled (correcting details needs no 班级口令 again).
 */
export function enrolFormProblems(
  values: EnrolFormValues,
  groupCount: number,
  codeRequired: boolean,
): Partial<Record<EnrolField, string>> {
  const problems: Partial<Record<EnrolField, string>> = {};
  const checks: Array<[EnrolField, string | null]> = [
    ['name', nameProblem(normalizeName(values.name))],
    ['unit', unitProblem(normalizeSpaces(values.unit))],
    ['post', postProblem(normalizeSpaces(values.post))],
    ['groupNo', groupProblem(values.groupNo, groupCount)],
    ['enrolCode', codeProblem(normalizeSpaces(values.enrolCode), codeRequired)],
    ['claimCode', codeProblem(normalizeSpaces(values.claimCode), false)],
  ];
  for (const [field, problem] of checks) if (problem !== null) problems[field] = problem;
  return problems;
}
