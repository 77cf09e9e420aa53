/**
 * Whatever the preview cannot do is said out loud: a banner in the phone, a line in the side
 * panel, and a console warning. Each distinct message is announced once per page load.
 */
const announced = new Set<string>();

function sideLog(message: string, kind: 'unsupported' | 'error'): void {
  const log = document.getElementById('preview-unsupported-log');
  if (!log) return;
  const line = document.createElement('p');
  line.className = `preview-log preview-log--${kind}`;
  line.textContent = message;
  log.appendChild(line);
}

function banner(message: string, kind: 'unsupported' | 'error'): void {
  const overlays = document.getElementById('wx-overlays');
  if (!overlays) return;
  const element = document.createElement('div');
  element.className = `wxp-banner wxp-banner--${kind}`;
  element.setAttribute('role', 'status');
  element.textContent = message;
  overlays.appendChild(element);
  setTimeout(() => element.remove(), kind === 'error' ? 8000 : 4000);
}

/** Something the mini-program asked for that the preview does not emulate. */
export function reportUnsupported(what: string, detail = ''): void {
  const message = `预览不支持 ${what}${detail ? `：${detail}` : ''}（在真机上可用）`;
  if (announced.has(message)) return;
  announced.add(message);
  console.warn(`[preview] ${message}`);
  sideLog(message, 'unsupported');
  banner(message, 'unsupported');
}

/** A failure of the mini-program's own code (an exception in a page), shown rather than swallowed. */
export function reportError(context: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `${context}：${reason}`;
  console.error(`[preview] ${message}`, error);
  if (announced.has(message)) return;
  announced.add(message);
  sideLog(message, 'error');
  banner(message, 'error');
}
