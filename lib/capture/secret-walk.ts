/**
 * Walks everything of a page a secret can be drawn from: the document, its
 * open shadow roots, closed ones where the browser lets an extension read
 * them, and same-origin frames, with the offset that turns a frame's viewport
 * coordinates into the top document's. One pass per root collects the text
 * nodes and the fields the secret finder judges (lib/capture/secret-targets.ts).
 */

/**
 * Reads an element's shadow root, open or closed. Chrome gives extensions
 * `chrome.dom.openOrClosedShadowRoot(element)`
 * (https://developer.chrome.com/docs/extensions/reference/api/dom), Firefox
 * `element.openOrClosedShadowRoot`
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/dom/openOrClosedShadowRoot).
 * A parameter, so unit tests (happy-dom, no such API) pass a fake.
 */
export type ShadowRootReader = (element: Element) => ShadowRoot | null | undefined;

export interface WalkOptions {
  openOrClosedShadowRoot?: ShadowRootReader;
  /**
   * The window whose visible area is photographed: the items of a long list
   * far outside it are not walked (itemsNearViewport). Unset, everything is
   * walked (the html2canvas modes draw the whole page).
   */
  onlyNear?: Window;
}

/** Where a box lies against the band one viewport above to one below the visible area: before it, in it, after it. */
function sideOfBand(
  box: { top: number; height: number },
  offsetY: number,
  view: Pick<Window, 'innerHeight'>,
): -1 | 0 | 1 {
  const top = box.top + offsetY;
  if (top + box.height < -view.innerHeight) return -1;
  return top > 2 * view.innerHeight ? 1 : 0;
}

/**
 * A list this long (rows of a table, items of a list) is walked only near
 * the visible area in the visible-area mode; shorter parents are walked
 * whole. A 3000-row user list is what makes a console page large
 * (docs/PERFORMANCE.md).
 */
const longListLength = 50;

/** Evenly spaced items checked to be in order before a list is cut by binary search. */
const orderSamples = 8;

/**
 * The items of a long list that lie within a viewport of the visible area
 * (the band of sideOfBand), found by binary search on their boxes, so a
 * 3000-row table costs a few dozen box reads and not 3000 (a row's box
 * costs about 12 µs in Chromium, measured on the users page). Undefined —
 * walk them all — unless evenly spaced samples show the items laid out top
 * to bottom in order: a list in another order is never cut, and an item
 * without a box counts as near.
 */
export function itemsNearViewport(
  parent: Element,
  offsetY: number,
  view: Pick<Window, 'innerHeight'>,
): Set<Element> | undefined {
  const items = parent.children;
  const count = items.length;
  const sides = new Map<number, -1 | 0 | 1>();
  const side = (index: number): -1 | 0 | 1 => {
    let known = sides.get(index);
    if (known === undefined) {
      const box = items.item(index)?.getBoundingClientRect();
      known = !box || (box.height === 0 && box.width === 0) ? 0 : sideOfBand(box, offsetY, view);
      sides.set(index, known);
    }
    return known;
  };
  let previous: number = -1;
  for (let sample = 0; sample < orderSamples; sample += 1) {
    const current = side(Math.round((sample * (count - 1)) / (orderSamples - 1)));
    if (current < previous) return undefined;
    previous = current;
  }
  /** The first index whose side is at least `wanted`, assuming the sides never decrease. */
  const firstAtLeast = (wanted: 0 | 1): number => {
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (side(middle) >= wanted) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const start = firstAtLeast(0);
  const end = firstAtLeast(1);
  if (start === 0 && end === count) return undefined;
  const near = new Set<Element>();
  for (let index = start; index < end; index += 1) {
    const item = items.item(index);
    if (item) near.add(item);
  }
  return near;
}

/** One root's nodes, with how to get from its viewport to the top document's. */
export interface WalkedRoot {
  root: Document | ShadowRoot;
  /** The window of the root's document (a frame's own). */
  view: Window;
  /** CSS px to add to this root's client rects to place them in the top viewport (read now: the page may move). */
  offset: () => { x: number; y: number };
  /** Text nodes with more than whitespace, in tree order. */
  texts: Text[];
  /** Inputs, textareas and contenteditable roots. */
  fields: HTMLElement[];
  /** The shadow host or frame element this root is drawn in, and the root that holds it (none for the top document). */
  container?: Element;
  parent?: WalkedRoot;
}

export interface WalkResult {
  roots: WalkedRoot[];
  /** Frames whose document the extension cannot read (another origin): their pixels were not judged. */
  unreadFrames: Element[];
}

/** Subtrees that are never drawn as text, or hold the extension's own masks. */
const skippedTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'HEAD']);
const maskHostId = 'helpdraft-capture-masks';
const fieldTags = new Set(['INPUT', 'TEXTAREA']);
const frameTags = new Set(['IFRAME', 'FRAME']);

/** An element the user types into as text (`contenteditable`, empty or true or plaintext-only). */
function isEditableRoot(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The shadow root of an element, open or (with a reader) closed; never thrown. */
function shadowRootOf(element: Element, options: WalkOptions): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  if (!options.openOrClosedShadowRoot) return null;
  try {
    return options.openOrClosedShadowRoot(element) ?? null;
  } catch {
    // Chrome throws for an element that cannot host a shadow root.
    return null;
  }
}

/** A frame's document when it is same-origin and loaded; null otherwise (never thrown). */
function frameDocument(frame: Element): Document | null {
  try {
    const document = (frame as HTMLIFrameElement).contentDocument;
    return document?.documentElement ? document : null;
  } catch {
    return null;
  }
}

/**
 * Where a frame's viewport starts, in its parent's viewport: the border box
 * plus border and padding (the content box is where the frame's page is drawn).
 */
function frameContentOrigin(frame: Element, parentView: Window): { x: number; y: number } {
  const box = frame.getBoundingClientRect();
  const style = parentView.getComputedStyle(frame);
  return {
    x: box.left + (frame as HTMLElement).clientLeft + (Number.parseFloat(style.paddingLeft) || 0),
    y: box.top + (frame as HTMLElement).clientTop + (Number.parseFloat(style.paddingTop) || 0),
  };
}

/** The node after the walker's current one and all it holds, or null at the end of the root. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

function walkOne(walked: WalkedRoot, pending: WalkedRoot[], unreadFrames: Element[], options: WalkOptions) {
  const isDocument = walked.root.nodeType === Node.DOCUMENT_NODE;
  const document = isDocument ? (walked.root as Document) : (walked.root as ShadowRoot).ownerDocument;
  const start = isDocument ? (document.body ?? document.documentElement) : walked.root;
  if (!start) return;
  const view = options.onlyNear;
  const offsetY = view ? walked.offset().y : 0;
  // Items of a long list far from the visible area are left out with all they hold (an
  // element positioned out of its row onto the screen is the rare case this gives up).
  // Per parent, once: Chromium counts a parent's children by walking them
  // (childElementCount), so asking for each of 3000 rows cost 30 ms.
  const nearItems = new Map<Element, Set<Element> | undefined>();
  const farItem = (element: Element): boolean => {
    const parent = element.parentElement;
    if (!view || !parent) return false;
    if (!nearItems.has(parent))
      nearItems.set(
        parent,
        parent.childElementCount > longListLength ? itemsNearViewport(parent, offsetY, view) : undefined,
      );
    const near = nearItems.get(parent);
    return near !== undefined && !near.has(element);
  };
  // No filter callback: a TreeWalker calling back into script for each of a large page's
  // 40 000 nodes took 37 ms where the plain walk takes 1 ms (measured on the 3000-row users
  // page); skipped subtrees are stepped over by hand (nextOutside).
  const walker = document.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node;) {
    if (node.nodeType === Node.TEXT_NODE) {
      // A textarea's text node is its default value, not what it shows: the field is judged instead.
      if (node.parentElement?.tagName !== 'TEXTAREA' && /\S/.test(node.nodeValue ?? ''))
        walked.texts.push(node as Text);
      node = walker.nextNode();
      continue;
    }
    const element = node as Element;
    if (skippedTags.has(element.tagName.toUpperCase()) || element.id === maskHostId || farItem(element)) {
      node = nextOutside(walker);
      continue;
    }
    node = walker.nextNode();
    if (fieldTags.has(element.tagName) || isEditableRoot(element)) walked.fields.push(element as HTMLElement);
    const shadow = shadowRootOf(element, options);
    if (shadow)
      pending.push({ ...walked, root: shadow, texts: [], fields: [], container: element, parent: walked });
    if (frameTags.has(element.tagName)) {
      const inner = frameDocument(element);
      const innerView = inner?.defaultView;
      if (!inner || !innerView) {
        unreadFrames.push(element);
        continue;
      }
      const parentOffset = walked.offset;
      const parentView = walked.view;
      pending.push({
        root: inner,
        view: innerView,
        offset: () => {
          const outer = parentOffset();
          const origin = frameContentOrigin(element, parentView);
          return { x: outer.x + origin.x, y: outer.y + origin.y };
        },
        texts: [],
        fields: [],
        container: element,
        parent: walked,
      });
    }
  }
}

/**
 * Every root of the page, the top document first. Linear in the number of
 * nodes: each node is visited once, and a closed root is asked for only once
 * per element.
 */
export function walkPage(document: Document, view: Window, options: WalkOptions = {}): WalkResult {
  const pending: WalkedRoot[] = [
    { root: document, view, offset: () => ({ x: 0, y: 0 }), texts: [], fields: [] },
  ];
  const roots: WalkedRoot[] = [];
  const unreadFrames: Element[] = [];
  // A frame that shows its own parent (or a shadow root reached twice) is walked once.
  const seen = new Set<Node>();
  for (let walked = pending.shift(); walked; walked = pending.shift()) {
    if (seen.has(walked.root)) continue;
    seen.add(walked.root);
    walkOne(walked, pending, unreadFrames, options);
    roots.push(walked);
  }
  return { roots, unreadFrames };
}

/**
 * The browser's reader of closed shadow roots for an extension's content
 * script, or undefined where there is none (see ShadowRootReader).
 */
export function extensionShadowRootReader(
  scope: typeof globalThis = globalThis,
): ShadowRootReader | undefined {
  const chromeDom = (scope as { chrome?: { dom?: { openOrClosedShadowRoot?: ShadowRootReader } } }).chrome
    ?.dom;
  if (typeof chromeDom?.openOrClosedShadowRoot === 'function') {
    const read = chromeDom.openOrClosedShadowRoot.bind(chromeDom);
    return (element) => read(element);
  }
  // Firefox shows the property on elements seen from a content script (an Xray), not on the prototype.
  const probe = (scope as { document?: Document }).document?.documentElement;
  if (probe && 'openOrClosedShadowRoot' in probe) {
    return (element) =>
      (element as Element & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
  }
  return undefined;
}
