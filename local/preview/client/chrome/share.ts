/** "转发": asks the page's onShareAppMessage what to share and shows the card. */
import { reportUnsupported } from '../notices';
import { callPage, topPage } from '../page-stack';

export function sharePage(from: 'menu' | 'button', target?: unknown): void {
  const entry = topPage();
  if (!entry) return;
  if (typeof entry.instance.onShareAppMessage !== 'function') {
    reportUnsupported('转发这个页面', '页面没有定义 onShareAppMessage，微信里菜单中的“转发”是灰的');
    return;
  }
  const returned = callPage(entry, 'onShareAppMessage', { from, target, webViewUrl: undefined }) as
    { title?: string; path?: string; imageUrl?: string; promise?: Promise<unknown> } | undefined;
  const defaults = { title: entry.title ?? entry.window.navigationBarTitleText ?? '履职学堂', path: `/${entry.route}` };
  void import('./overlays').then(({ showShareSheet }) =>
    showShareSheet({
      title: returned?.title ?? defaults.title,
      path: returned?.path ?? defaults.path,
      imageUrl: returned?.imageUrl,
    }),
  );
}
