/**
 * The HTML page around the phone: the identity switcher on the left, the 375 px phone on the
 * right. The runtime fills the phone; this page only carries the boot configuration.
 */
import { allIdentities } from '../identities';

export interface ShellConfig {
  functionsBaseUrl: string;
  /** Whether wx.cloud storage calls reach the emulator (POST /__preview/cloud/getTempFileURL). */
  cloudStorage: boolean;
}

const escapeForScript = (json: string) => json.replace(/</g, '\\u003c');

export function shellHtml(config: ShellConfig): string {
  const boot = escapeForScript(
    JSON.stringify({
      functionsBaseUrl: config.functionsBaseUrl,
      cloudStorage: config.cloudStorage,
      identities: allIdentities(),
    }),
  );
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>履职学堂 · 预览</title>
</head>
<body>
<div id="preview-desk">
  <aside id="preview-side" aria-label="预览设置">
    <h1>履职学堂 · 浏览器预览</h1>
    <p class="preview-side__note">页面来自 miniprogram/ 的真实代码。云函数调用发往本地函数服务，并带上下面选中的身份。</p>
    <label for="preview-identity">当前身份</label>
    <select id="preview-identity"></select>
    <p id="preview-identity-openid" class="preview-side__note"></p>
    <div id="preview-unsupported-log" aria-live="polite"></div>
  </aside>
  <div id="preview-phone" aria-label="手机">
    <div id="wx-status-bar"><span>9:41</span><span>100%</span></div>
    <div id="wx-nav-bar"></div>
    <div id="wx-pages"></div>
    <div id="wx-tab-bar"></div>
    <div id="wx-overlays"></div>
  </div>
</div>
<script>window.__wxPreviewBoot = ${boot};</script>
<script src="/__preview/wxml.js"></script>
<script src="/__preview/runtime.js"></script>
</body>
</html>
`;
}
