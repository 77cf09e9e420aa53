/**
 * <page-meta> (root-font-size, page-font-size, page-style, background-color) and its child
 * <navigation-bar> (title, colours, loading), applied to the page that contains them.
 */
import { renderNavBar } from '../chrome/nav-bar';
import { currentPages } from '../page-stack';
import { PAGE_META_PROPERTIES, resolveFontSize } from '../../../wx/page-meta';
import { applyRootFontSize } from '../root-font';
import { fontSizeScaleFactor } from '../wx/system';
import { defineBuiltIn } from './define';
import type { BuiltIn } from './define';

function pageRootOf(component: BuiltIn): HTMLElement | null {
  return component._exparserNode.ownerShadowRoot?.getHostNode().$$ ?? null;
}

function applyPageMeta(this: BuiltIn): void {
  const root = pageRootOf(this);
  if (!root) return;
  const data = this.data;
  const rootFontSize = String(data.rootFontSize ?? '');
  const pageFontSize = String(data.pageFontSize ?? '');
  if (rootFontSize) root.dataset.rootFontSize = resolveFontSize(rootFontSize, fontSizeScaleFactor());
  root.style.fontSize = pageFontSize ? resolveFontSize(pageFontSize, fontSizeScaleFactor()) : '';
  if (data.backgroundColor) root.style.backgroundColor = String(data.backgroundColor);
  if (data.pageStyle) root.style.cssText += `;${String(data.pageStyle)}`;
  applyRootFontSize();
}

defineBuiltIn('page-meta', {
  properties: PAGE_META_PROPERTIES,
  observers: { '**': applyPageMeta },
  lifetimes: { attached: applyPageMeta },
});

function applyNavigationBar(this: BuiltIn): void {
  const root = pageRootOf(this);
  const entry = currentPages().find((page) => page.component.dom === root);
  if (!entry) return;
  const data = this.data;
  if (data.title) entry.title = String(data.title);
  if (data.frontColor || data.backgroundColor) {
    entry.navBarColors = {
      frontColor: String(data.frontColor || '') || undefined,
      backgroundColor: String(data.backgroundColor || '') || undefined,
    };
  }
  entry.navBarLoading = Boolean(data.loading);
  renderNavBar();
}

defineBuiltIn('navigation-bar', {
  properties: {
    title: { type: String, value: '' },
    loading: { type: Boolean, value: false },
    frontColor: { type: String, value: '' },
    backgroundColor: { type: String, value: '' },
  },
  observers: { '**': applyNavigationBar },
  lifetimes: { ready: applyNavigationBar },
});
