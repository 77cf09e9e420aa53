/**
 * The enrolment form's state, apart from the page: the values as typed (kept after any failure), the message
 * under each field, and what to send. The rules themselves are lib/enrolment-fields (shared with the server).
 */
import type { EnrollRequest, EnrolmentSettings, MeResponse } from '../../contracts/trainees';
import { fieldOfEnrolMessage } from '../../contracts/trainees';
import { enrolFormProblems, type EnrolField, type EnrolFormValues } from '../../lib/enrolment-fields';

export type FieldErrors = Record<EnrolField, string>;

export const NO_ERRORS: FieldErrors = { name: '', unit: '', post: '', groupNo: '', enrolCode: '', claimCode: '' };

export const EMPTY_VALUES: EnrolFormValues = {
  name: '',
  unit: '',
  post: '',
  groupNo: null,
  enrolCode: '',
  claimCode: '',
};

export interface GroupChoice {
  no: number;
  label: string;
}

export function groupChoices(settings: EnrolmentSettings): GroupChoice[] {
  return Array.from({ length: settings.groupCount }, (_, index) => ({ no: index + 1, label: `第${index + 1}组` }));
}

/** An enrolled person's details, to correct; a newcomer starts empty. */
export function initialValues(me: MeResponse): EnrolFormValues {
  if (!me.enrolled) return { ...EMPTY_VALUES };
  const { profile } = me;
  return { ...EMPTY_VALUES, name: profile.name, unit: profile.unit, post: profile.post, groupNo: profile.groupNo };
}

/** Why the form cannot be used at all, or '' when it can. */
export function blockedReason(me: MeResponse): string {
  if (me.settings.locked) return '报名名单已锁定，不能再报名或修改；如需更正请联系组织者';
  if (me.settings.groupCount === 0) return '培训班信息尚未设置，暂不能报名';
  if (!me.enrolled && !me.settings.open) return '报名尚未开放：组织者会在开班时公布班级口令';
  return '';
}

export function checkValues(values: EnrolFormValues, settings: EnrolmentSettings, enrolled: boolean): FieldErrors {
  return { ...NO_ERRORS, ...enrolFormProblems(values, settings.groupCount, !enrolled) };
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((message) => message !== '');
}

export function requestOf(values: EnrolFormValues): Omit<EnrollRequest, 'action'> {
  return {
    name: values.name,
    unit: values.unit,
    post: values.post,
    groupNo: values.groupNo ?? 0,
    ...(values.enrolCode.trim() === '' ? {} : { enrolCode: values.enrolCode }),
    ...(values.claimCode.trim() === '' ? {} : { claimCode: values.claimCode }),
  };
}

/** A refusal from the function, placed under its field when it concerns one, else over the whole form. */
export function placeServerMessage(message: string): { errors: FieldErrors; formError: string } {
  const field = fieldOfEnrolMessage(message);
  return field === null
    ? { errors: { ...NO_ERRORS }, formError: message }
    : { errors: { ...NO_ERRORS, [field]: message }, formError: '' };
}
