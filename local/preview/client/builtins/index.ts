/**
 * All WeChat built-ins the preview renders. Layout-only ones (view, text, …) are plain elements
 * styled by styles/builtins.css; the interactive ones live in their own files; the rest render
 * their children inside a visible "预览不支持 <tag>" frame and say so in the console.
 */
import { reportUnsupported } from '../notices';
import { defineBuiltIn, domOf } from './define';
import type { BuiltIn } from './define';
import './button';
import './form';
import './form-fields';
import './image';
import './navigator';
import './page-meta';
import './rich-text';
import './scroll-view';
import './small-widgets';

const LAYOUT_TAGS = [
  'view',
  'text',
  'label',
  'block',
  'cover-view',
  'cover-image',
  'swiper-item',
  'checkbox-group',
  'radio-group',
  'root-portal',
  'match-media',
  'movable-area',
];

for (const tag of LAYOUT_TAGS) {
  defineBuiltIn(tag, {
    properties: {
      hoverClass: { type: String, value: 'none' },
      userSelect: { type: Boolean, value: false },
      selectable: { type: Boolean, value: false },
      space: { type: String, value: '' },
      decode: { type: Boolean, value: false },
      ariaRole: { type: String, value: '' },
      ariaLabel: { type: String, value: '' },
    },
    observers: {
      'ariaRole, ariaLabel'(this: BuiltIn) {
        const dom = domOf(this);
        if (this.data.ariaRole) dom.setAttribute('role', String(this.data.ariaRole));
        if (this.data.ariaLabel) dom.setAttribute('aria-label', String(this.data.ariaLabel));
      },
    },
  });
}

const UNSUPPORTED_TAGS = [
  'swiper',
  'checkbox',
  'radio',
  'slider',
  'picker',
  'picker-view',
  'picker-view-column',
  'video',
  'audio',
  'camera',
  'map',
  'canvas',
  'web-view',
  'movable-view',
  'editor',
  'page-container',
  'ad',
  'ad-custom',
  'open-data',
  'live-player',
  'live-pusher',
  'official-account',
  'functional-page-navigator',
  'channel-video',
  'voip-room',
  'keyboard-accessory',
  'grid-view',
  'list-view',
  'sticky-header',
  'sticky-section',
  'share-element',
];

for (const tag of UNSUPPORTED_TAGS) {
  defineBuiltIn(tag, {
    lifetimes: {
      attached(this: BuiltIn) {
        const dom = domOf(this);
        dom.classList.add('wxp-unsupported');
        dom.setAttribute('data-unsupported', `预览不支持 <${tag}>`);
        reportUnsupported(`<${tag}>`);
      },
    },
  });
}
