/**
 * Mixed into every page: keeps `rootFontSize` (for <page-meta>) in step with the stored choice,
 * also when the reader changed it on another page and comes back.
 */
import {
  BASE_ROOT_FONT_PX,
  DEFAULT_FONT_STEP,
  isFontStepKey,
  readFontStep,
  rootFontSizePx,
  saveFontStep,
} from './font-size';

export const fontSizeBehavior = Behavior({
  data: {
    fontStep: DEFAULT_FONT_STEP as string,
    rootFontSize: `${BASE_ROOT_FONT_PX}px`,
  },
  lifetimes: {
    attached() {
      this.setData(fontSizeData());
    },
  },
  pageLifetimes: {
    show() {
      this.setData(fontSizeData());
    },
  },
  methods: {
    /** Handler for <font-size-control bind:change>. */
    onFontStepChange(event: WechatMiniprogram.CustomEvent<{ step: string }>) {
      const step = event.detail.step;
      if (!isFontStepKey(step)) return;
      saveFontStep(step);
      this.setData(fontSizeData());
    },
  },
});

function fontSizeData() {
  const step = readFontStep();
  return { fontStep: step, rootFontSize: `${rootFontSizePx(step)}px` };
}
