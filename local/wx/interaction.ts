/**
 * wx.showToast / hideToast / showLoading / hideLoading / showModal / showActionSheet / previewImage for every
 * simulated `wx`: WeChat's arguments and answers here, the showing by the caller's Screen (the preview draws
 * overlays; the page tests record what was shown and answer modals as told).
 */
import { ApiFailure, asyncApi } from './callbacks';

export interface ToastOptions {
  title: string;
  icon?: 'success' | 'error' | 'loading' | 'none';
  duration?: number;
  mask?: boolean;
  /** wx.showLoading: a toast with a spinner that stays until hideLoading. */
  isLoading?: boolean;
}

export interface ModalOptions extends Record<string, unknown> {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  cancelColor?: string;
  confirmText?: string;
  confirmColor?: string;
  editable?: boolean;
  placeholderText?: string;
}

export interface ModalAnswer {
  confirm: boolean;
  cancel: boolean;
  /** The typed text of an editable modal. */
  content?: string;
}

export interface Screen {
  showToast(options: ToastOptions): void;
  hideToast(): void;
  showModal(options: ModalOptions): Promise<ModalAnswer>;
  /** The tapped index, or null when cancelled. */
  showActionSheet(items: string[], options: { title?: string; itemColor?: string }): Promise<number | null>;
  showImageViewer(urls: string[], current: string): void;
}

export function interactionApis(screen: Screen) {
  return {
    showToast: asyncApi('showToast', (options: Partial<ToastOptions>) => {
      screen.showToast({ ...options, title: String(options.title ?? '') });
      return {};
    }),
    hideToast: asyncApi('hideToast', () => {
      screen.hideToast();
      return {};
    }),
    showLoading: asyncApi('showLoading', (options: { title?: string; mask?: boolean }) => {
      screen.showToast({ title: String(options.title ?? ''), mask: options.mask, isLoading: true });
      return {};
    }),
    hideLoading: asyncApi('hideLoading', () => {
      screen.hideToast();
      return {};
    }),
    showModal: asyncApi('showModal', async (options: ModalOptions) => ({ ...(await screen.showModal(options)) })),
    showActionSheet: asyncApi(
      'showActionSheet',
      async (options: { itemList?: string[]; itemColor?: string; alertText?: string }) => {
        const index = await screen.showActionSheet(options.itemList ?? [], {
          title: options.alertText,
          itemColor: options.itemColor,
        });
        if (index === null) throw new ApiFailure('showActionSheet', 'cancel');
        return { tapIndex: index };
      },
    ),
    previewImage: asyncApi('previewImage', (options: { urls?: string[]; current?: string }) => {
      const urls = options.urls ?? [];
      if (urls.length === 0) throw new ApiFailure('previewImage', 'parameter.urls should not be empty');
      screen.showImageViewer(urls, options.current ?? urls[0]);
      return {};
    }),
  };
}
