/**
 * <image>: a real <img> inside <wx-image>, 320×240 by default as in WeChat, with the modes
 * mapped onto object-fit / object-position; widthFix and heightFix follow the natural size.
 * bindload gets {width, height}, binderror {errMsg}. cloud:// sources load from the local emulator.
 */
import { resolveCloudFile } from '../wx/cloud-storage';
import { defineBuiltIn, nativeChild, reflect } from './define';
import type { BuiltIn } from './define';

const POSITIONS: Record<string, string> = {
  top: 'center top',
  bottom: 'center bottom',
  center: 'center center',
  left: 'left center',
  right: 'right center',
  'top left': 'left top',
  'top right': 'right top',
  'bottom left': 'left bottom',
  'bottom right': 'right bottom',
};

function render(this: BuiltIn): void {
  const mode = String(this.data.mode || 'scaleToFill');
  const src = String(this.data.src ?? '');
  const img = nativeChild(this, 'img', 'wxp-image__img');
  reflect(this, 'data-mode', mode);
  img.alt = '';
  img.draggable = false;
  if (mode === 'aspectFit') img.style.objectFit = 'contain';
  else if (mode === 'aspectFill') img.style.objectFit = 'cover';
  else if (POSITIONS[mode]) {
    img.style.objectFit = 'none';
    img.style.objectPosition = POSITIONS[mode];
  } else img.style.objectFit = 'fill';
  if (src.startsWith('cloud://')) {
    // WeChat's <image> loads cloud:// ids itself; here the emulator's signed address stands in.
    img.removeAttribute('src');
    void resolveCloudFile(src).then(({ url, errMsg }) => {
      if (String(this.data.src ?? '') !== src) return; // src changed while resolving
      if (url !== '') img.src = url;
      else this.triggerEvent('error', { errMsg: `GET ${src} ${errMsg}` });
    });
    return;
  }
  if (src === '') {
    img.removeAttribute('src');
    return;
  }
  if (img.getAttribute('src') !== src) img.src = src;
}

defineBuiltIn('image', {
  properties: {
    src: { type: String, value: '' },
    mode: { type: String, value: 'scaleToFill' },
    lazyLoad: { type: Boolean, value: false },
    showMenuByLongpress: { type: Boolean, value: false },
    webp: { type: Boolean, value: false },
  },
  observers: { 'src, mode': render },
  lifetimes: {
    attached(this: BuiltIn) {
      const img = nativeChild(this, 'img', 'wxp-image__img');
      img.addEventListener('load', () =>
        this.triggerEvent('load', { width: img.naturalWidth, height: img.naturalHeight }),
      );
      img.addEventListener('error', () =>
        this.triggerEvent('error', { errMsg: `GET ${String(this.data.src)} 加载失败` }),
      );
      render.call(this);
    },
  },
});
