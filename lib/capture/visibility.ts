/**
 * Whether an element is shown to the user: not inside a `hidden`, `display:
 * none`, `visibility: hidden` or `aria-hidden` subtree. Hidden error
 * templates that pages keep in the DOM must not end up in a ticket.
 */
export function isShown(element: Element, view: Window): boolean {
  if (element.closest('[hidden], [aria-hidden="true"], template')) return false;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = view.getComputedStyle(node);
    if (style.display === 'none') return false;
    if (node === element && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
  }
  return true;
}

/** The text a person reads in the element, whitespace folded. */
export function visibleText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
