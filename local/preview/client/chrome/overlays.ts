/**
 * What WeChat draws above a page — toast, loading, modal, action sheet, share sheet, image
 * viewer, document viewer — drawn inside the phone frame with WeChat's look.
 */
import type { ModalAnswer, ModalOptions, ToastOptions } from '../../../wx/interaction';
function layer(): HTMLElement {
  const element = document.getElementById('wx-overlays');
  if (!element) throw new Error('预览页面缺少 #wx-overlays');
  return element;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let toastNode: HTMLElement | null = null;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

const TOAST_ICONS: Record<string, string> = { success: '✓', error: '✕', loading: '' };

export function showToast(options: ToastOptions): void {
  hideToast();
  const icon = options.isLoading ? 'loading' : (options.icon ?? 'success');
  const root = element('div', `wxp-toast-layer${options.mask ? ' wxp-toast-layer--mask' : ''}`);
  const box = element('div', `wxp-toast wxp-toast--${icon === 'none' ? 'text' : 'icon'}`);
  box.setAttribute('role', 'alert');
  if (icon !== 'none') {
    const iconNode = element('div', `wxp-toast__icon wxp-toast__icon--${icon}`, TOAST_ICONS[icon] ?? '');
    box.appendChild(iconNode);
  }
  box.appendChild(element('div', 'wxp-toast__title', options.title));
  root.appendChild(box);
  layer().appendChild(root);
  toastNode = root;
  if (!options.isLoading) toastTimer = setTimeout(hideToast, options.duration ?? 1500);
}

export function hideToast(): void {
  clearTimeout(toastTimer);
  toastNode?.remove();
  toastNode = null;
}

export function showModal(options: ModalOptions): Promise<ModalAnswer> {
  return new Promise((resolve) => {
    const mask = element('div', 'wxp-mask');
    const dialog = element('div', 'wxp-modal');
    dialog.setAttribute('role', 'dialog');
    if (options.title) dialog.appendChild(element('div', 'wxp-modal__title', options.title));
    let input: HTMLTextAreaElement | null = null;
    if (options.editable) {
      input = element('textarea', 'wxp-modal__input');
      input.placeholder = options.placeholderText ?? '';
      input.value = options.content ?? '';
      dialog.appendChild(input);
    } else if (options.content) dialog.appendChild(element('div', 'wxp-modal__content', options.content));
    const buttons = element('div', 'wxp-modal__buttons');
    const close = (confirm: boolean) => {
      mask.remove();
      resolve({ confirm, cancel: !confirm, ...(input ? { content: input.value } : {}) });
    };
    if (options.showCancel !== false) {
      const cancel = element('button', 'wxp-modal__button wxp-modal__button--cancel', options.cancelText ?? '取消');
      cancel.style.color = options.cancelColor ?? '';
      cancel.addEventListener('click', () => close(false));
      buttons.appendChild(cancel);
    }
    const confirm = element('button', 'wxp-modal__button wxp-modal__button--confirm', options.confirmText ?? '确定');
    confirm.style.color = options.confirmColor ?? '';
    confirm.addEventListener('click', () => close(true));
    buttons.appendChild(confirm);
    dialog.appendChild(buttons);
    mask.appendChild(dialog);
    layer().appendChild(mask);
  });
}

/** Resolves with the tapped index, or null when cancelled. */
export function showActionSheet(
  items: string[],
  options: { title?: string; itemColor?: string } = {},
): Promise<number | null> {
  return new Promise((resolve) => {
    const mask = element('div', 'wxp-mask wxp-mask--bottom');
    const sheet = element('div', 'wxp-action-sheet');
    sheet.setAttribute('role', 'menu');
    if (options.title) sheet.appendChild(element('div', 'wxp-action-sheet__title', options.title));
    const close = (value: number | null) => {
      mask.remove();
      resolve(value);
    };
    items.forEach((item, index) => {
      const button = element('button', 'wxp-action-sheet__item', item);
      button.style.color = options.itemColor ?? '';
      button.addEventListener('click', () => close(index));
      sheet.appendChild(button);
    });
    const cancel = element('button', 'wxp-action-sheet__item wxp-action-sheet__cancel', '取消');
    cancel.addEventListener('click', () => close(null));
    sheet.appendChild(cancel);
    mask.addEventListener('click', (event) => {
      if (event.target === mask) close(null);
    });
    mask.appendChild(sheet);
    layer().appendChild(mask);
  });
}

/** What onShareAppMessage returned, shown as the card a friend would receive. */
export function showShareSheet(share: { title: string; path: string; imageUrl?: string }): void {
  const mask = element('div', 'wxp-mask wxp-mask--bottom');
  const sheet = element('div', 'wxp-share-sheet');
  sheet.setAttribute('role', 'dialog');
  sheet.appendChild(element('div', 'wxp-share-sheet__heading', '转发给朋友（预览）'));
  const card = element('div', 'wxp-share-card');
  card.appendChild(element('div', 'wxp-share-card__app', '履职学堂'));
  card.appendChild(element('div', 'wxp-share-card__title', share.title));
  if (share.imageUrl) {
    const image = element('img', 'wxp-share-card__image');
    image.src = share.imageUrl;
    image.alt = '';
    card.appendChild(image);
  } else card.appendChild(element('div', 'wxp-share-card__image wxp-share-card__image--page', '页面截图'));
  card.appendChild(element('div', 'wxp-share-card__path', share.path));
  sheet.appendChild(card);
  const close = element('button', 'wxp-action-sheet__item wxp-action-sheet__cancel', '关闭');
  close.addEventListener('click', () => mask.remove());
  sheet.appendChild(close);
  mask.appendChild(sheet);
  layer().appendChild(mask);
}

export function showImageViewer(urls: string[], current: string): void {
  let index = Math.max(0, urls.indexOf(current));
  const viewer = element('div', 'wxp-image-viewer');
  viewer.setAttribute('role', 'dialog');
  viewer.setAttribute('aria-label', '图片预览');
  const image = element('img', 'wxp-image-viewer__image');
  const counter = element('div', 'wxp-image-viewer__counter');
  const render = () => {
    image.src = urls[index];
    counter.textContent = urls.length > 1 ? `${index + 1} / ${urls.length}` : '';
  };
  viewer.append(image, counter);
  if (urls.length > 1) {
    const previous = element('button', 'wxp-image-viewer__nav wxp-image-viewer__nav--previous', '‹');
    const next = element('button', 'wxp-image-viewer__nav wxp-image-viewer__nav--next', '›');
    previous.addEventListener('click', (event) => {
      event.stopPropagation();
      index = (index + urls.length - 1) % urls.length;
      render();
    });
    next.addEventListener('click', (event) => {
      event.stopPropagation();
      index = (index + 1) % urls.length;
      render();
    });
    viewer.append(previous, next);
  }
  viewer.addEventListener('click', () => viewer.remove());
  render();
  layer().appendChild(viewer);
}

export function showDocumentViewer(url: string, fileType: string | undefined): void {
  const viewer = element('div', 'wxp-document-viewer');
  viewer.setAttribute('role', 'dialog');
  const bar = element('div', 'wxp-document-viewer__bar');
  const close = element('button', 'wxp-document-viewer__close', '关闭');
  close.addEventListener('click', () => viewer.remove());
  const open = element('a', 'wxp-document-viewer__open', '在新窗口打开');
  open.href = url;
  open.target = '_blank';
  bar.append(close, element('span', 'wxp-document-viewer__title', `文档预览${fileType ? ` · ${fileType}` : ''}`), open);
  const frame = element('iframe', 'wxp-document-viewer__frame');
  frame.src = url;
  frame.title = '文档';
  viewer.append(bar, frame);
  layer().appendChild(viewer);
}
