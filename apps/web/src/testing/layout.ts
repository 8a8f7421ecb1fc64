import { vi } from 'vitest';

interface FakeLayout {
  /** Elements matching this selector are the scroll viewports. */
  scroller: string;
  viewport?: number;
  /** Height of every virtualised row (an element with `data-index`). */
  row?: number;
  /** Height of every `role="separator"` element. */
  separator?: number;
  /** The CSS gap between a list's children, for `topOf`. */
  gap?: number;
}

/**
 * jsdom lays nothing out. This gives scrollers a viewport and virtualised rows a height, sizes a
 * scroller's content from its first child's inline height (what a virtualiser sets), and lets
 * `scrollTo` move `scrollTop` and fire `scroll` as a browser would. Mocks end with the test.
 */
export function fakeLayout({
  scroller,
  viewport = 600,
  row = 60,
  separator = 24,
  gap = 0,
}: FakeLayout) {
  const isScroller = (el: Element) => el.matches(scroller);
  const contentHeight = (el: Element) =>
    Math.max(parseFloat((el.firstElementChild as HTMLElement | null)?.style.height ?? '') || 0, 0);
  const maxScroll = (el: Element) => Math.max(contentHeight(el) - viewport, 0);

  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return isScroller(this) ? viewport : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return isScroller(this) ? 400 : 0;
  });
  const heightOf = (el: Element) => {
    if (el.hasAttribute('data-index')) return row;
    return el.getAttribute('role') === 'separator' ? separator : 0;
  };
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return heightOf(this);
  });
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    return isScroller(this) ? Math.max(contentHeight(this), viewport) : 0;
  });
  if (!('scrollTo' in Element.prototype)) {
    Object.defineProperty(Element.prototype, 'scrollTo', {
      configurable: true,
      writable: true,
      value: () => undefined,
    });
  }
  vi.spyOn(Element.prototype, 'scrollTo').mockImplementation(function (
    this: Element,
    options?: ScrollToOptions | number,
  ) {
    const top = typeof options === 'object' ? options.top : undefined;
    if (top === undefined) return;
    scrollTo(this, top);
  });

  /** Scrolls like a browser: clamped, with the `scroll` event in a later task. */
  function scrollTo(el: Element, top: number) {
    el.scrollTop = Math.min(Math.max(top, 0), maxScroll(el));
    setTimeout(() => el.dispatchEvent(new Event('scroll')), 0);
  }

  /** Where a list item shows in its scroller's viewport: its list's padding, then the flow. */
  function topOf(item: Element) {
    const list = item.parentElement as HTMLElement;
    const view = list.closest(scroller)!;
    let top = parseFloat(list.style.paddingTop) || 0;
    for (const child of list.children) {
      if (child === item) break;
      top += heightOf(child) + gap;
    }
    return top - view.scrollTop;
  }

  return { scrollTo, maxScroll, topOf };
}
