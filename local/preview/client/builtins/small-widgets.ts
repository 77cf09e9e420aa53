/** <icon>, <progress>, <switch>: small built-ins drawn with plain DOM. */
import { defineBuiltIn, domOf, nativeChild, reflect } from './define';
import type { BuiltIn } from './define';

const ICON_GLYPHS: Record<string, { glyph: string; color: string }> = {
  success: { glyph: '✓', color: '#07c160' },
  success_no_circle: { glyph: '✓', color: '#07c160' },
  info: { glyph: 'i', color: '#10aeff' },
  warn: { glyph: '!', color: '#f76260' },
  waiting: { glyph: '…', color: '#10aeff' },
  cancel: { glyph: '✕', color: '#f43530' },
  download: { glyph: '↓', color: '#07c160' },
  search: { glyph: '⌕', color: '#b2b2b2' },
  clear: { glyph: '✕', color: '#b2b2b2' },
};

defineBuiltIn('icon', {
  properties: {
    type: { type: String, value: '' },
    size: { type: null, value: 23 },
    color: { type: String, value: '' },
  },
  observers: {
    '**'(this: BuiltIn) {
      const glyph = ICON_GLYPHS[String(this.data.type)] ?? { glyph: '?', color: '#999' };
      const dom = domOf(this);
      const size = typeof this.data.size === 'number' ? `${this.data.size}px` : String(this.data.size);
      const inner = nativeChild(this, 'span', 'wxp-icon__glyph');
      inner.textContent = glyph.glyph;
      dom.style.setProperty('--wxp-icon-size', size);
      dom.style.setProperty('--wxp-icon-color', String(this.data.color || glyph.color));
      reflect(this, 'data-type', this.data.type);
    },
  },
});

defineBuiltIn('progress', {
  properties: {
    percent: { type: Number, value: 0 },
    showInfo: { type: Boolean, value: false },
    strokeWidth: { type: null, value: 6 },
    activeColor: { type: String, value: '#09bb07' },
    backgroundColor: { type: String, value: '#ebebeb' },
  },
  observers: {
    '**'(this: BuiltIn) {
      const track = nativeChild(this, 'span', 'wxp-progress__track');
      const percent = Math.max(0, Math.min(100, Number(this.data.percent) || 0));
      track.style.background = String(this.data.backgroundColor);
      track.style.height = `${Number(this.data.strokeWidth) || 6}px`;
      track.innerHTML = `<span class="wxp-progress__bar" style="width:${percent}%;background:${String(this.data.activeColor)}"></span>`;
      const info = nativeChild(this, 'span', 'wxp-progress__info');
      info.textContent = this.data.showInfo ? `${percent}%` : '';
      domOf(this).append(info);
    },
  },
});

defineBuiltIn('switch', {
  properties: {
    checked: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    color: { type: String, value: '#04BE02' },
    name: { type: String, value: '' },
    type: { type: String, value: 'switch' },
  },
  observers: {
    'checked, disabled, color'(this: BuiltIn) {
      reflect(this, 'data-checked', Boolean(this.data.checked));
      reflect(this, 'data-disabled', Boolean(this.data.disabled));
      domOf(this).style.setProperty('--wxp-switch-color', String(this.data.color));
    },
  },
  lifetimes: {
    attached(this: BuiltIn) {
      const dom = domOf(this);
      dom.setAttribute('role', 'switch');
      reflect(this, 'data-checked', Boolean(this.data.checked));
      this._exparserNode.addListener('tap', () => {
        if (this.data.disabled) return;
        const checked = !this.data.checked;
        this.setData({ checked });
        dom.setAttribute('aria-checked', String(checked));
        this.triggerEvent('change', { value: checked });
      });
    },
  },
});
