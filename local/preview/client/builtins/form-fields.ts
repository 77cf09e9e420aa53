/**
 * <input> and <textarea>: real native fields inside the <wx-*> element, kept in step with the
 * `value` property; bindinput / bindfocus / bindblur / bindconfirm with WeChat's details.
 * maxlength defaults to 140 like WeChat (-1 = unlimited): long texts need maxlength="-1".
 */
import { defineBuiltIn, nativeChild, reflect } from './define';
import type { BuiltIn } from './define';

type Field = HTMLInputElement | HTMLTextAreaElement;

const INPUT_TYPES: Record<string, string> = {
  text: 'text',
  number: 'number',
  idcard: 'text',
  digit: 'number',
  nickname: 'text',
  safePassword: 'password',
};

function fieldOf(component: BuiltIn, tag: 'input' | 'textarea'): Field {
  return nativeChild(component, tag, `wxp-${tag}__field`);
}

function sync(component: BuiltIn, field: Field): void {
  const data = component.data;
  const value = data.value === undefined || data.value === null ? '' : String(data.value);
  if (field.value !== value) field.value = value;
  field.placeholder = String(data.placeholder ?? '');
  field.disabled = Boolean(data.disabled);
  const maxlength = Number(data.maxlength ?? 140);
  if (maxlength >= 0) field.maxLength = maxlength;
  else field.removeAttribute('maxlength');
  if (field instanceof HTMLInputElement)
    field.type = data.password ? 'password' : (INPUT_TYPES[String(data.type)] ?? 'text');
  if (data.focus) field.focus();
  reflect(component, 'data-disabled', Boolean(data.disabled));
  reflect(component, 'data-auto-height', Boolean(data.autoHeight));
  if (data.autoHeight && field instanceof HTMLTextAreaElement) {
    field.style.height = 'auto';
    field.style.height = `${field.scrollHeight}px`;
  }
}

function listen(component: BuiltIn, field: Field): void {
  field.addEventListener('input', () => {
    component.data.value = field.value;
    component.triggerEvent('input', {
      value: field.value,
      cursor: field.selectionStart ?? field.value.length,
      keyCode: 0,
    });
    if (component.data.autoHeight) sync(component, field);
  });
  field.addEventListener('focus', () => component.triggerEvent('focus', { value: field.value, height: 0 }));
  field.addEventListener('blur', () =>
    component.triggerEvent('blur', { value: field.value, cursor: field.selectionStart ?? 0 }),
  );
  field.addEventListener('keydown', (event) => {
    if (event instanceof KeyboardEvent && event.key === 'Enter' && field instanceof HTMLInputElement) {
      component.triggerEvent('confirm', { value: field.value });
    }
  });
}

const COMMON_PROPERTIES = {
  value: { type: null, value: '' },
  placeholder: { type: String, value: '' },
  placeholderStyle: { type: String, value: '' },
  placeholderClass: { type: String, value: '' },
  disabled: { type: Boolean, value: false },
  maxlength: { type: Number, value: 140 },
  focus: { type: Boolean, value: false },
  autoFocus: { type: Boolean, value: false },
  confirmType: { type: String, value: 'done' },
  cursorSpacing: { type: Number, value: 0 },
  name: { type: String, value: '' },
};

for (const tag of ['input', 'textarea'] as const) {
  defineBuiltIn(tag, {
    properties: {
      ...COMMON_PROPERTIES,
      ...(tag === 'input'
        ? { type: { type: String, value: 'text' }, password: { type: Boolean, value: false } }
        : { autoHeight: { type: Boolean, value: false }, showConfirmBar: { type: Boolean, value: true } }),
    },
    observers: {
      '**'(this: BuiltIn) {
        sync(this, fieldOf(this, tag));
      },
    },
    lifetimes: {
      attached(this: BuiltIn) {
        const field = fieldOf(this, tag);
        listen(this, field);
        sync(this, field);
      },
    },
  });
}
