/**
 * A row of large buttons, one per font step (标准 · 大 · 特大 · 超大). Emits `change` with
 * `{ step }`; the page (through shell/font-size-behavior) stores it and applies it.
 */
import { DEFAULT_FONT_STEP, FONT_STEPS } from '../../shell/font-size';

Component({
  properties: {
    current: { type: String, value: DEFAULT_FONT_STEP as string },
  },
  data: {
    steps: FONT_STEPS.map(({ key, label }) => ({ key, label })),
  },
  methods: {
    onSelect(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { step: string }>) {
      this.triggerEvent('change', { step: event.currentTarget.dataset.step });
    },
  },
});
