/**
 * Masking inside html2canvas's clone (never the live page): each element to
 * mask is made invisible where it stands (`visibility: hidden` keeps its box,
 * so nothing around it moves), its value emptied if it is a field, and an
 * opaque black box of its size is laid over it on top of everything.
 */

/** Marks the boxes, so a second pass (frames) does not mask them again. */
const overlayAttribute = 'data-helpdraft-mask-overlay';

export interface MaskBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Drops targets inside another target (the outer box covers them) and
 * repeats, keeping document order.
 */
export function outermostTargets(targets: Iterable<Element>): Element[] {
  const unique = [...new Set(targets)];
  return unique.filter((target) => !unique.some((other) => other !== target && other.contains(target)));
}

/** Boxes of the element's own fragments; for an element without a box (display: contents), of its content. */
function fragments(element: Element): DOMRect[] {
  const own = [...element.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
  if (own.length > 0) return own;
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  return [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
}

function hide(element: Element): void {
  const styled = [element, ...element.querySelectorAll('*')];
  for (const node of styled) {
    // No instanceof: the clone lives in another frame, whose classes differ from ours.
    const style = (node as Partial<ElementCSSInlineStyle>).style;
    if (style && typeof style.setProperty === 'function')
      style.setProperty('visibility', 'hidden', 'important');
  }
  const fields = [element, ...element.querySelectorAll('input, textarea, select')];
  for (const field of fields) {
    const tag = field.tagName.toUpperCase();
    if (tag === 'INPUT') {
      (field as HTMLInputElement).value = '';
      field.setAttribute('value', '');
      field.removeAttribute('placeholder');
    } else if (tag === 'TEXTAREA') {
      (field as HTMLTextAreaElement).value = '';
      field.textContent = '';
    } else if (tag === 'SELECT') {
      for (const option of (field as HTMLSelectElement).options) option.textContent = '';
    }
  }
}

/**
 * Masks `targets` (elements of `document`, the clone) and returns how many
 * were masked. The boxes go in one absolutely positioned layer at the end of
 * the root element, placed from the clone's own layout.
 */
export function maskElements(document: Document, targets: Iterable<Element>): number {
  const root = document.documentElement;
  const view = document.defaultView;
  if (!root || !view) return 0;
  const outermost = outermostTargets(targets).filter((target) => !target.hasAttribute(overlayAttribute));
  if (outermost.length === 0) return 0;
  // Measure everything before changing anything.
  const measured = outermost.map((target) => ({ target, rects: fragments(target) }));

  const layer = document.createElement('div');
  layer.setAttribute(overlayAttribute, '');
  layer.setAttribute('aria-hidden', 'true');
  for (const [property, value] of Object.entries({
    position: 'absolute',
    left: '0',
    top: '0',
    width: '0',
    height: '0',
    margin: '0',
    padding: '0',
    border: '0',
    overflow: 'visible',
    'z-index': '2147483647',
    visibility: 'visible',
    display: 'block',
    transform: 'none',
  })) {
    layer.style.setProperty(property, value, 'important');
  }
  root.append(layer);
  // Where the layer's origin landed (the root element may be positioned or have margins).
  const origin = layer.getBoundingClientRect();

  for (const { target, rects } of measured) {
    hide(target);
    for (const rect of rects) {
      const box = document.createElement('div');
      box.setAttribute(overlayAttribute, '');
      for (const [property, value] of Object.entries({
        position: 'absolute',
        left: `${Math.floor(rect.left - origin.left) - 1}px`,
        top: `${Math.floor(rect.top - origin.top) - 1}px`,
        width: `${Math.ceil(rect.width) + 2}px`,
        height: `${Math.ceil(rect.height) + 2}px`,
        background: '#000',
        margin: '0',
        padding: '0',
        border: '0',
        visibility: 'visible',
        display: 'block',
        opacity: '1',
      })) {
        box.style.setProperty(property, value, 'important');
      }
      layer.append(box);
    }
  }
  return measured.length;
}

/** Elements of `document` matching any selector (selectors were validated beforehand). */
export function matchAll(document: Document, selectors: readonly string[]): Element[] {
  if (selectors.length === 0) return [];
  return [...document.querySelectorAll(selectors.join(', '))];
}

/**
 * Masks in same-origin frames of the clone that have loaded (html2canvas
 * draws what they hold when it parses the clone, right after onclone).
 */
export function maskFrames(document: Document, selectors: readonly string[], depth = 0): number {
  if (depth > 3) return 0;
  let masked = 0;
  for (const frame of document.querySelectorAll('iframe, frame')) {
    let inner: Document | null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (!inner?.documentElement) continue;
    masked += maskElements(inner, matchAll(inner, selectors));
    masked += maskFrames(inner, selectors, depth + 1);
  }
  return masked;
}
