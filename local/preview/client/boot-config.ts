/** What the server wrote into the page (window.__wxPreviewBoot) and what wcc produced. */
import type { PreviewIdentity } from '../identities';

export interface BootConfig {
  functionsBaseUrl: string;
  /** Whether the server bridges wx.cloud storage to the emulator (see storage-bridge.ts). */
  cloudStorage: boolean;
  identities: PreviewIdentity[];
}

/** wcc's $gwx: given "pages/home/index.wxml" it returns that file's render function. */
export type Gwx = (path: string) => unknown;

declare global {
  interface Window {
    __wxPreviewBoot: BootConfig;
    __wxPreviewGwx?: Gwx;
    __wxPreviewCompileError?: string;
  }
}

export const boot: BootConfig = window.__wxPreviewBoot;
