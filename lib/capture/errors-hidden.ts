/**
 * Whether a message is hidden from the person looking at the page: error
 * templates kept in the DOM, faded-out toasts and off-screen copies must not
 * end up in a ticket. Stricter than lib/capture/visibility.ts isShown (which
 * the masks and entities use): `opacity: 0` on the element or an ancestor,
 * `inert`, zero size and off-screen boxes count as hidden too.
 */

/** The parent element, across a shadow root's boundary to its host. */
export function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot || (root as ShadowRoot).host ? ((root as ShadowRoot).host ?? null) : null;
}

/**
 * Whether the view lays pages out at all: the unit-test DOM gives every box a
 * zero size, where size and position say nothing (a browser's body always
 * has a width).
 */
export function hasLayout(document: Document): boolean {
  const body = document.body;
  return body !== null && body.getBoundingClientRect().width > 0;
}

export function isHiddenMessage(element: Element, view: Window, layout: boolean): boolean {
  for (let node: Element | null = element; node; node = parentAcrossShadow(node)) {
    if (node.localName === 'template' || node.hasAttribute('hidden') || node.hasAttribute('inert'))
      return true;
    if (node.getAttribute('aria-hidden') === 'true') return true;
    const style = view.getComputedStyle(node);
    if (style.display === 'none') return true;
    if (style.opacity !== '' && Number.parseFloat(style.opacity) === 0) return true;
    if (node === element && (style.visibility === 'hidden' || style.visibility === 'collapse')) return true;
  }
  if (!layout) return false;
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return true;
  // Off-screen copies (`left: -9999px`) sit left of or above the page's origin, wherever it is scrolled.
  return box.right + view.scrollX <= 0 || box.bottom + view.scrollY <= 0;
}
