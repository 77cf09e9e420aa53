/** <form>: collects the name/value of the fields inside it on submit (bindsubmit detail.value). */
import * as exparser from 'miniprogram-exparser';
import type { ExparserNode } from 'miniprogram-exparser';
import { defineBuiltIn, domOf } from './define';
import type { BuiltIn } from './define';

function enclosingForm(component: BuiltIn): BuiltIn | null {
  const formDom = domOf(component).closest('wx-form') as (HTMLElement & { __wxElement?: ExparserNode }) | null;
  return formDom?.__wxElement ? exparser.Element.getMethodCaller(formDom.__wxElement) : null;
}

function fieldsOf(form: BuiltIn): BuiltIn[] {
  const fields: BuiltIn[] = [];
  for (const dom of domOf(form).querySelectorAll<HTMLElement & { __wxElement?: ExparserNode }>(
    'wx-input, wx-textarea, wx-switch',
  )) {
    if (dom.__wxElement) fields.push(exparser.Element.getMethodCaller(dom.__wxElement));
  }
  return fields;
}

export function submitForm(button: BuiltIn): void {
  const form = enclosingForm(button);
  if (!form) return;
  const value: Record<string, unknown> = {};
  for (const field of fieldsOf(form))
    if (field.data.name) value[String(field.data.name)] = field.data.value ?? field.data.checked;
  form.triggerEvent('submit', { value });
}

export function resetForm(button: BuiltIn): void {
  const form = enclosingForm(button);
  if (!form) return;
  for (const field of fieldsOf(form)) field.setData({ value: '' });
  form.triggerEvent('reset', {});
}

defineBuiltIn('form', { properties: { reportSubmit: { type: Boolean, value: false } } });
