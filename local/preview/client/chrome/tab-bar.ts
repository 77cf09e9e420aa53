/** The tabBar from app.json, shown on tab pages in the current theme; a tap is a switchTab (plus onTabItemTap). */
import { appBoot, isTabPage, themed } from '../app-config';
import { reportError } from '../notices';
import { callPage, switchTab, topPage } from '../page-stack';

export function renderTabBar(): void {
  const element = document.getElementById('wx-tab-bar');
  const entry = topPage();
  const config = appBoot().appJson.tabBar;
  if (!element) return;
  if (!config || !entry || !isTabPage(entry.route)) {
    element.hidden = true;
    return;
  }
  element.hidden = false;
  element.className = `wxp-tab-bar${themed(config.borderStyle) === 'white' ? ' wxp-tab-bar--white-border' : ''}`;
  element.style.background = themed(config.backgroundColor) ?? '#ffffff';
  element.setAttribute('role', 'tablist');
  element.replaceChildren();
  config.list.forEach((item, index) => {
    const selected = item.pagePath === entry.route;
    const tab = document.createElement('button');
    tab.className = `wxp-tab${selected ? ' wxp-tab--selected' : ''}`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(selected));
    tab.style.color = themed(selected ? config.selectedColor : config.color) ?? '';
    // With darkmode the paths are theme.json @variables too: the dark tab bar shows the dark icons.
    const iconPath = themed(selected ? (item.selectedIconPath ?? item.iconPath) : item.iconPath);
    if (iconPath) {
      const icon = document.createElement('img');
      icon.className = 'wxp-tab__icon';
      icon.src = `/${iconPath.replace(/^\//, '')}`;
      icon.alt = '';
      tab.appendChild(icon);
    } else tab.classList.add('wxp-tab--text-only');
    tab.appendChild(
      Object.assign(document.createElement('span'), { className: 'wxp-tab__text', textContent: item.text }),
    );
    tab.addEventListener('click', () => {
      const current = topPage();
      if (current?.route === item.pagePath)
        callPage(current, 'onTabItemTap', { index: String(index), pagePath: item.pagePath, text: item.text });
      switchTab(`/${item.pagePath}`).then(
        () => {
          const shown = topPage();
          if (shown && current?.route !== item.pagePath)
            callPage(shown, 'onTabItemTap', { index: String(index), pagePath: item.pagePath, text: item.text });
        },
        (error: unknown) => reportError('切换 tab', error),
      );
    });
    element.appendChild(tab);
  });
}
