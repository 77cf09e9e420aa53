/**
 * The identity switcher beside the phone. The choice is remembered (sessionStorage) and only
 * decides the x-wx-openid header of cloud function calls; a change restarts the app (a reload)
 * on the page that was open, as when another WeChat user opens it.
 */
import type { PreviewIdentity } from '../identities';
import { boot } from './boot-config';

const STORAGE_KEY = 'wxp-identity';

export function currentIdentity(): PreviewIdentity {
  const fromUrl = new URLSearchParams(location.search).get('identity');
  const key = fromUrl ?? sessionStorage.getItem(STORAGE_KEY) ?? 'visitor';
  return boot.identities.find((identity) => identity.key === key) ?? boot.identities[0];
}

export function identityHeaders(): Record<string, string> {
  return { 'x-wx-openid': currentIdentity().openid };
}

export function mountIdentitySwitcher(onChange: () => void): void {
  const select = document.getElementById('preview-identity') as HTMLSelectElement | null;
  const openidNote = document.getElementById('preview-identity-openid');
  if (!select) return;
  for (const identity of boot.identities) {
    const option = document.createElement('option');
    option.value = identity.key;
    option.textContent = identity.label;
    select.appendChild(option);
  }
  const describe = () => {
    const identity = currentIdentity();
    select.value = identity.key;
    if (openidNote) openidNote.textContent = `x-wx-openid: ${identity.openid}`;
  };
  describe();
  select.addEventListener('change', () => {
    sessionStorage.setItem(STORAGE_KEY, select.value);
    const url = new URL(location.href);
    url.searchParams.delete('identity');
    history.replaceState(null, '', url);
    describe();
    onChange();
  });
}
