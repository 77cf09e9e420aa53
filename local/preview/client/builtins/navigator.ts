/** <navigator>: a tap navigates with its open-type (navigate, redirect, switchTab, reLaunch, navigateBack). */
import { reportError, reportUnsupported } from '../notices';
import { navigateBack, navigateTo, reLaunch, redirectTo, switchTab } from '../page-stack';
import { renderNavBar } from '../chrome/nav-bar';
import { defineBuiltIn, domOf } from './define';
import type { BuiltIn } from './define';

function go(component: BuiltIn): Promise<void> {
  const url = String(component.data.url ?? '');
  switch (component.data.openType) {
    case 'redirect':
      return redirectTo(url);
    case 'switchTab':
      return switchTab(url);
    case 'reLaunch':
      return reLaunch(url);
    case 'navigateBack':
      return navigateBack(Number(component.data.delta) || 1);
    case 'exit':
      reportUnsupported('<navigator open-type="exit">');
      return Promise.resolve();
    default:
      return navigateTo(url);
  }
}

defineBuiltIn('navigator', {
  properties: {
    url: { type: String, value: '' },
    openType: { type: String, value: 'navigate' },
    delta: { type: Number, value: 1 },
    target: { type: String, value: 'self' },
    hoverClass: { type: String, value: 'navigator-hover' },
  },
  lifetimes: {
    attached(this: BuiltIn) {
      domOf(this).setAttribute('role', 'link');
      this._exparserNode.addListener('tap', () => {
        if (this.data.target === 'miniProgram') {
          reportUnsupported('<navigator target="miniProgram">', '打开其他小程序');
          return;
        }
        go(this).then(renderNavBar, (error: unknown) => reportError('navigator', error));
      });
    },
  },
});
