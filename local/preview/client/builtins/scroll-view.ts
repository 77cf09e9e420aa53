/**
 * <scroll-view>: the element itself scrolls (scroll-x / scroll-y); scroll-top, scroll-left and
 * scroll-into-view move it; bindscroll gets WeChat's detail, bindscrolltolower/-upper fire once
 * per approach within the thresholds. Refresher (pull to refresh inside it) is not emulated.
 */
import { reportUnsupported } from '../notices';
import { defineBuiltIn, domOf, reflect } from './define';
import type { BuiltIn } from './define';

function applyPosition(this: BuiltIn): void {
  const dom = domOf(this);
  const data = this.data;
  reflect(this, 'data-scroll-x', Boolean(data.scrollX));
  reflect(this, 'data-scroll-y', Boolean(data.scrollY));
  reflect(this, 'data-enable-flex', Boolean(data.enableFlex));
  const behavior: ScrollBehavior = data.scrollWithAnimation ? 'smooth' : 'auto';
  if (typeof data.scrollTop === 'number' || (typeof data.scrollTop === 'string' && data.scrollTop !== '')) {
    dom.scrollTo({ top: Number(data.scrollTop), behavior });
  }
  if (typeof data.scrollLeft === 'number' || (typeof data.scrollLeft === 'string' && data.scrollLeft !== '')) {
    dom.scrollTo({ left: Number(data.scrollLeft), behavior });
  }
  const intoView = String(data.scrollIntoView ?? '');
  if (intoView) {
    const target = this._exparserNode.ownerShadowRoot?.querySelector(`#${intoView}`);
    if (target) {
      const offset = target.$$.getBoundingClientRect();
      const box = dom.getBoundingClientRect();
      dom.scrollTo({
        top: dom.scrollTop + offset.top - box.top,
        left: dom.scrollLeft + offset.left - box.left,
        behavior,
      });
    }
  }
  if (data.refresherEnabled) reportUnsupported('<scroll-view refresher-enabled>', '自定义下拉刷新');
}

defineBuiltIn('scroll-view', {
  properties: {
    scrollX: { type: Boolean, value: false },
    scrollY: { type: Boolean, value: false },
    upperThreshold: { type: Number, value: 50 },
    lowerThreshold: { type: Number, value: 50 },
    scrollTop: { type: null, value: '' },
    scrollLeft: { type: null, value: '' },
    scrollIntoView: { type: String, value: '' },
    scrollWithAnimation: { type: Boolean, value: false },
    enableFlex: { type: Boolean, value: false },
    enhanced: { type: Boolean, value: false },
    showScrollbar: { type: Boolean, value: true },
    refresherEnabled: { type: Boolean, value: false },
  },
  observers: { 'scrollX, scrollY, scrollTop, scrollLeft, scrollIntoView, refresherEnabled, enableFlex': applyPosition },
  lifetimes: {
    attached(this: BuiltIn) {
      const dom = domOf(this);
      let last = { top: 0, left: 0 };
      let nearLower = false;
      let nearUpper = true;
      dom.addEventListener('scroll', () => {
        const detail = {
          scrollTop: dom.scrollTop,
          scrollLeft: dom.scrollLeft,
          scrollHeight: dom.scrollHeight,
          scrollWidth: dom.scrollWidth,
          deltaX: dom.scrollLeft - last.left,
          deltaY: dom.scrollTop - last.top,
        };
        last = { top: dom.scrollTop, left: dom.scrollLeft };
        this.triggerEvent('scroll', detail);
        const horizontal = Boolean(this.data.scrollX) && !this.data.scrollY;
        const position = horizontal ? dom.scrollLeft : dom.scrollTop;
        const size = horizontal ? dom.scrollWidth - dom.clientWidth : dom.scrollHeight - dom.clientHeight;
        const lower = size - position <= Number(this.data.lowerThreshold);
        const upper = position <= Number(this.data.upperThreshold);
        if (lower && !nearLower) this.triggerEvent('scrolltolower', { direction: horizontal ? 'right' : 'bottom' });
        if (upper && !nearUpper) this.triggerEvent('scrolltoupper', { direction: horizontal ? 'left' : 'top' });
        nearLower = lower;
        nearUpper = upper;
      });
      applyPosition.call(this);
    },
  },
});
