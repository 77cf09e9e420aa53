/**
 * A mouse click on a page becomes WeChat's `tap` (and a right click / long press `longpress`),
 * dispatched through exparser from the innermost element the page rendered, so bindtap and
 * catchtap behave as on a phone. Touch input already produces taps through j-component; the
 * click that a touch also causes is then ignored. Taps on a disabled <button> are dropped.
 */
import * as exparser from 'miniprogram-exparser';

type WxDom = HTMLElement & { __wxElement?: unknown };

let lastTouchEnd = 0;

function exparserTarget(start: EventTarget | null): WxDom | null {
  let node = start instanceof Node ? (start instanceof HTMLElement ? start : start.parentElement) : null;
  while (node && !(node as WxDom).__wxElement) node = node.parentElement;
  return node as WxDom | null;
}

function dispatch(name: string, event: MouseEvent): void {
  const target = exparserTarget(event.target);
  if (!target) return;
  const touch = {
    identifier: 0,
    pageX: event.pageX,
    pageY: event.pageY,
    clientX: event.clientX,
    clientY: event.clientY,
    force: 1,
  };
  exparser.Event.dispatchEvent(
    target,
    exparser.Event.create(
      name,
      { x: event.pageX, y: event.pageY },
      {
        originalEvent: event,
        bubbles: true,
        capturePhase: true,
        composed: true,
        extraFields: { touches: [], changedTouches: [touch] },
      },
    ),
  );
}

export function installTapBridge(container: HTMLElement): void {
  container.addEventListener('touchend', () => (lastTouchEnd = Date.now()), { capture: true });
  container.addEventListener('click', (event) => {
    if (Date.now() - lastTouchEnd < 700) return;
    const element = event.target instanceof Element ? event.target : null;
    if (element?.closest('wx-button[disabled]')) return;
    dispatch('tap', event);
  });
  container.addEventListener('contextmenu', (event) => {
    event.preventDefault();
    dispatch('longpress', event);
    dispatch('longtap', event);
  });
}
