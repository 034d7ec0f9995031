/**
 * Which elements html2canvas may leave out of its clone of the page.
 *
 * html2canvas clones and styles the whole document whatever part is drawn,
 * which is what makes it slow on long pages; its `ignoreElements` option
 * skips a subtree during that clone. Only content lying entirely below the
 * captured region is left out: content above or beside it could move it
 * when removed. The walk starts at `<body>` and looks only at the children of
 * elements that cross the cut line, so a 3000-row table costs one box per
 * row, and it never enters a subtree whose inner layout depends on all its
 * content (table cells, scrolled containers, multi-column and reversed flex
 * layouts, SVG and replaced elements). What it cannot foresee (a container
 * centring what remains, a box anchored to the bottom of one that shrinks) is
 * caught afterwards by comparing positions in the clone with the live page
 * (`verify.ts`), and the screenshot is then taken again without pruning.
 */
import type { Box } from './region';

export interface LayoutReader {
  /** The element's border box in document coordinates, CSS px. */
  box(element: Element): Box;
  /** For an element without a box: whether it is `display: contents` (its children do have boxes). */
  isDisplayContents(element: Element): boolean;
  /** Whether the element's subtree must be cloned whole (see `mustKeepWhole`). */
  keepWhole(element: Element): boolean;
}

export interface PrunePlan {
  /** Roots of the subtrees left out of the clone. */
  pruned: Set<Element>;
  /** Elements whose children were examined (they cross the cut line), outermost first. */
  straddlers: Element[];
  /** Boxes measured. */
  measured: number;
}

export interface PruneOptions {
  /** Elements that must stay (the error shown in an error-area screenshot): neither they nor their ancestors are pruned. */
  anchors?: Element[];
  /** Stop measuring after this many boxes (everything not yet decided is kept). */
  maxMeasured?: number;
}

/** Elements without a box of their own, or whose removal gains nothing. */
const neverMeasured = new Set([
  'HEAD',
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'TITLE',
  'TEMPLATE',
  'NOSCRIPT',
  'BASE',
]);

export function planPruning(
  root: Element,
  cutY: number,
  layout: LayoutReader,
  options: PruneOptions = {},
): PrunePlan {
  const anchors = options.anchors ?? [];
  const maxMeasured = options.maxMeasured ?? 50_000;
  const pruned = new Set<Element>();
  const straddlers: Element[] = [];
  let measured = 0;

  const holdsAnchor = (element: Element) => anchors.some((anchor) => element.contains(anchor));

  const visit = (element: Element): void => {
    straddlers.push(element);
    for (const child of element.children) {
      if (measured >= maxMeasured) return;
      if (neverMeasured.has(child.tagName.toUpperCase())) continue;
      measured += 1;
      const box = layout.box(child);
      const anchored = holdsAnchor(child);
      if (box.right - box.left <= 0 && box.bottom - box.top <= 0) {
        // No box: display:none (nothing to gain) or display:contents (its children are laid out).
        if (layout.isDisplayContents(child)) visit(child);
        continue;
      }
      if (box.top >= cutY && !anchored) {
        pruned.add(child);
        continue;
      }
      if (box.bottom <= cutY) continue;
      if (layout.keepWhole(child)) continue;
      visit(child);
    }
  };

  visit(root);
  return { pruned, straddlers, measured };
}

/** Tags whose subtree is cloned whole: their content sizes them, or they are drawn as one picture. */
const wholeTags = new Set([
  'TD',
  'TH',
  'TR',
  'CAPTION',
  'SVG',
  'CANVAS',
  'VIDEO',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'PICTURE',
  'MATH',
]);

/** The parts of an element's computed style that decide whether pruning inside it is safe. */
export interface WholeStyle {
  display: string;
  flexDirection: string;
  gridAutoFlow: string;
  columnCount: string;
  columnWidth: string;
}

/**
 * Whether an element crossing the cut line must be cloned with all its
 * content: table rows and cells (their content sizes the columns), replaced
 * and SVG elements, scrolled containers (html2canvas restores the scroll
 * position, which a shorter content would clamp), multi-column layouts
 * (columns rebalance), reversed flex layouts and dense grids (removing what
 * is below moves what is above).
 */
export function mustKeepWhole(
  element: { tagName: string; scrollTop: number; scrollLeft: number },
  style: WholeStyle,
): boolean {
  if (wholeTags.has(element.tagName.toUpperCase())) return true;
  if (element.scrollTop !== 0 || element.scrollLeft !== 0) return true;
  if (style.display === 'table-cell' || style.display === 'table-row') return true;
  if (style.columnCount !== 'auto' || style.columnWidth !== 'auto') return true;
  if (/flex/.test(style.display) && /reverse/.test(style.flexDirection)) return true;
  if (/grid/.test(style.display) && /dense/.test(style.gridAutoFlow)) return true;
  return false;
}

/** The layout reader for a live document, in document coordinates. */
export function liveLayout(view: Window): LayoutReader {
  const scrollX = view.scrollX;
  const scrollY = view.scrollY;
  return {
    box(element) {
      const rect = element.getBoundingClientRect();
      return {
        left: rect.left + scrollX,
        top: rect.top + scrollY,
        right: rect.right + scrollX,
        bottom: rect.bottom + scrollY,
      };
    },
    isDisplayContents: (element) => view.getComputedStyle(element).display === 'contents',
    keepWhole(element) {
      if (wholeTags.has(element.tagName.toUpperCase())) return true;
      return mustKeepWhole(element, view.getComputedStyle(element));
    },
  };
}
