/**
 * <button>: WeChat's look (type primary/default/warn, size mini, plain, disabled, loading) via
 * attributes the base styles select on; open-type share asks the page for its share card,
 * open-type agreePrivacyAuthorization gives the privacy consent (wx/privacy.ts),
 * form-type submit/reset drives the enclosing <form>. A disabled button's taps are dropped by
 * the tap bridge, as in WeChat.
 */
import { sharePage } from '../chrome/share';
import { previewPrivacy } from '../wx/privacy-preview';
import { reportUnsupported } from '../notices';
import { defineBuiltIn, domOf, reflect } from './define';
import type { BuiltIn } from './define';
import { resetForm, submitForm } from './form';

function render(this: BuiltIn): void {
  const data = this.data;
  reflect(this, 'type', data.type || 'default');
  reflect(this, 'size', data.size || 'default');
  reflect(this, 'plain', Boolean(data.plain));
  reflect(this, 'disabled', Boolean(data.disabled));
  reflect(this, 'loading', Boolean(data.loading));
  domOf(this).setAttribute('role', 'button');
}

defineBuiltIn('button', {
  properties: {
    type: { type: String, value: 'default' },
    size: { type: String, value: 'default' },
    plain: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    loading: { type: Boolean, value: false },
    formType: { type: String, value: '' },
    openType: { type: String, value: '' },
    hoverClass: { type: String, value: 'button-hover' },
  },
  observers: { '**': render },
  lifetimes: {
    attached(this: BuiltIn) {
      render.call(this);
      this._exparserNode.addListener('tap', () => {
        if (this.data.disabled) return;
        const openType = String(this.data.openType || '');
        if (openType === 'share') sharePage('button', { id: '', dataset: {} });
        else if (openType === 'agreePrivacyAuthorization') {
          previewPrivacy.agree();
          this.triggerEvent('agreeprivacyauthorization', {});
        } else if (openType) reportUnsupported(`<button open-type="${openType}">`);
        if (this.data.formType === 'submit') submitForm(this);
        if (this.data.formType === 'reset') resetForm(this);
      });
    },
  },
});
