/**
 * WeChat's navigation bar: back arrow when there is a page to go back to, the title centred,
 * the capsule (··· menu and ◎ close) on the right; colours from app.json window / page .json /
 * wx.setNavigationBarColor. navigationStyle "custom" hides the bar and keeps the capsule.
 */
import { themed } from '../app-config';
import { reportUnsupported } from '../notices';
import { currentPages, navigateBack, reLaunch, topPage } from '../page-stack';
import { showActionSheet } from './overlays';
import { sharePage } from './share';

function bar(): HTMLElement | null {
  return document.getElementById('wx-nav-bar');
}

export function renderNavBar(): void {
  const element = bar();
  const entry = topPage();
  if (!element || !entry) return;
  const background =
    entry.navBarColors?.backgroundColor ?? themed(entry.window.navigationBarBackgroundColor) ?? '#000000';
  const front =
    entry.navBarColors?.frontColor ?? (themed(entry.window.navigationBarTextStyle) === 'black' ? '#000000' : '#ffffff');
  const custom = entry.window.navigationStyle === 'custom';
  element.className = custom ? 'wxp-nav wxp-nav--custom' : 'wxp-nav';
  element.style.background = custom ? 'transparent' : background;
  element.style.color = front;
  const statusBar = document.getElementById('wx-status-bar');
  if (statusBar) {
    statusBar.style.background = custom ? 'transparent' : background;
    statusBar.style.color = front;
  }
  element.replaceChildren();
  if (!custom && currentPages().length > 1) {
    const back = document.createElement('button');
    back.className = 'wxp-nav__back';
    back.setAttribute('aria-label', '返回');
    back.innerHTML =
      '<svg viewBox="0 0 12 24" width="12" height="24" aria-hidden="true"><path d="M10 3 L2 12 L10 21" fill="none" stroke="currentColor" stroke-width="2"/></svg>';
    back.addEventListener('click', () => void navigateBack(1));
    element.appendChild(back);
  }
  if (!custom) {
    const title = document.createElement('div');
    title.className = 'wxp-nav__title';
    title.setAttribute('role', 'heading');
    title.setAttribute('aria-level', '1');
    if (entry.navBarLoading)
      title.appendChild(Object.assign(document.createElement('span'), { className: 'wxp-nav__loading' }));
    title.appendChild(document.createTextNode(entry.title ?? entry.window.navigationBarTitleText ?? ''));
    element.appendChild(title);
  }
  const capsule = document.createElement('div');
  capsule.className = `wxp-capsule${front === '#ffffff' ? ' wxp-capsule--light' : ''}`;
  const menu = document.createElement('button');
  menu.className = 'wxp-capsule__menu';
  menu.setAttribute('aria-label', '更多');
  menu.textContent = '•••';
  menu.addEventListener('click', () => void openMenu());
  const close = document.createElement('button');
  close.className = 'wxp-capsule__close';
  close.setAttribute('aria-label', '关闭小程序');
  close.innerHTML = '<span></span>';
  close.addEventListener('click', () => reportUnsupported('关闭小程序', '预览里没有微信的聊天界面'));
  capsule.append(menu, close);
  element.appendChild(capsule);
}

async function openMenu(): Promise<void> {
  const choice = await showActionSheet(['转发给朋友', '重新进入小程序']);
  if (choice === 0) sharePage('menu');
  if (choice === 1) {
    const entry = topPage();
    if (entry) void reLaunch(`/${entry.route}`);
  }
}
