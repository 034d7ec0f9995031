/**
 * The in-page half of painted masks (docs/ARCHITECTURE.md, "Masks"). The
 * collector measures every mask target and keeps the targets here, in the
 * isolated world under a Symbol.for key (like lib/capture/collect-options.ts:
 * the page's own scripts cannot see it); right after captureVisibleTab the
 * background calls `check()` through executeScript to measure them again,
 * and the html2canvas content script asks for the rectangles to paint on
 * its canvas. Nothing is laid over the page: a page can hide or remove
 * whatever it likes, the boxes are painted into the image.
 */
import { sameRectangle, type MaskRectangle, type ViewportMetrics } from './mask-geometry';
import type { MaskCheck, MaskProblem, MaskReport } from './mask-report';
import { maskAttribute, type MaskTarget } from './masks';

export const maskStashKeyName = 'helpdraft.mask-targets';
const maskStashKey = Symbol.for(maskStashKeyName);

/** The targets are let go by themselves if the background never asks (it crashed, the tab closed). */
const stashLifetimeMs = 60_000;

export interface MaskStash {
  /** Measures every target again, in the report's order, and says which could not be confirmed. */
  check: () => MaskCheck;
  /** Every rectangle to paint now, CSS px of the viewport, with the scroll position each was measured at. */
  paintRects: () => { rect: MaskRectangle; scrollX: number; scrollY: number }[];
  /** Forgets the targets and takes the html2canvas marks off the page. */
  release: () => void;
}

interface MeasuredTarget {
  target: MaskTarget;
  rects: MaskRectangle[];
  elementBox: MaskRectangle;
  scrollX: number;
  scrollY: number;
}

export function plainRectangle(rect: DOMRectReadOnly): MaskRectangle {
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}

function zoomOf(element: Element | null, view: Window): number {
  if (!element) return 1;
  const zoom = Number.parseFloat(view.getComputedStyle(element).getPropertyValue('zoom'));
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}

export function readViewportMetrics(document: Document, view: Window): ViewportMetrics {
  const visual = view.visualViewport;
  const root = document.documentElement;
  const transform = root ? view.getComputedStyle(root).transform : 'none';
  return {
    innerWidth: view.innerWidth,
    innerHeight: view.innerHeight,
    devicePixelRatio: view.devicePixelRatio,
    visualOffsetLeft: visual?.offsetLeft ?? 0,
    visualOffsetTop: visual?.offsetTop ?? 0,
    visualScale: visual?.scale ?? 1,
    zoom: zoomOf(root, view) * zoomOf(document.body, view),
    transformed: transform !== '' && transform !== 'none',
  };
}

/**
 * The target's rectangles now. A target that can measure itself (text
 * ranges) does; otherwise its rectangles follow its element's box.
 */
function currentRects(measured: MeasuredTarget): { rects: MaskRectangle[]; moved: boolean } {
  const box = plainRectangle(measured.target.element.getBoundingClientRect());
  const rects = measured.target.measure
    ? measured.target.measure().map(plainRectangle)
    : measured.rects.map((rect) => ({
        ...rect,
        x: rect.x + box.x - measured.elementBox.x,
        y: rect.y + box.y - measured.elementBox.y,
      }));
  const moved =
    !sameRectangle(box, measured.elementBox) ||
    rects.length !== measured.rects.length ||
    rects.some((rect, index) => {
      const earlier = measured.rects[index];
      return !earlier || !sameRectangle(rect, earlier);
    });
  return { rects, moved };
}

/** The element a node hangs from, across shadow roots and frames. */
function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  if (root && 'host' in root && root.host instanceof Element) return root.host;
  return node.ownerDocument.defaultView?.frameElement ?? null;
}

export function composedContains(ancestor: Element, node: Element): boolean {
  for (let current: Element | null = node; current; current = composedParent(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/**
 * Whether something other than the target is drawn at its rectangles: the
 * middle and four points near the corners of each, those inside the
 * viewport, hit-tested with elementFromPoint
 * (https://developer.mozilla.org/en-US/docs/Web/API/Document/elementFromPoint).
 * The points sit a quarter of the height in from the top and bottom: a text
 * range's rectangle is the font's content area, which is taller than a tight
 * line box (monospace, `line-height: 1.2`), so its very top and bottom lie
 * on the lines above and below.
 */
function covered(document: Document, view: Window, element: Element, rects: MaskRectangle[]): boolean {
  for (const rect of rects) {
    const insetX = Math.min(2, rect.width / 4);
    const top = rect.y + rect.height / 4;
    const bottom = rect.y + (rect.height * 3) / 4;
    const points = [
      [rect.x + rect.width / 2, rect.y + rect.height / 2],
      [rect.x + insetX, top],
      [rect.x + rect.width - insetX, top],
      [rect.x + insetX, bottom],
      [rect.x + rect.width - insetX, bottom],
    ] as const;
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && !composedContains(element, hit) && !composedContains(hit, element)) return true;
    }
  }
  return false;
}

function checkTarget(
  document: Document,
  view: Window,
  measured: MeasuredTarget,
): MaskCheck['targets'][number] {
  if (!measured.target.element.isConnected) return { rects: [], problem: 'removed' };
  const { rects, moved } = currentRects(measured);
  const problem: MaskProblem | undefined = moved
    ? 'moved'
    : covered(document, view, measured.target.element, rects)
      ? 'covered'
      : undefined;
  return problem ? { rects, problem } : { rects };
}

/**
 * Measures the targets, keeps them for the check after the screenshot, and
 * (html2canvas modes) marks their elements for the clone's own masking.
 * Returns what the background needs to paint.
 */
export function keepMaskTargets(
  document: Document,
  view: Window,
  targets: MaskTarget[],
  markForClone: boolean,
): MaskReport {
  releaseMaskTargets();
  const measuredTargets: MeasuredTarget[] = targets.map((target) => ({
    target,
    rects: (target.measure?.() ?? target.rects).map(plainRectangle),
    elementBox: plainRectangle(target.element.getBoundingClientRect()),
    scrollX: view.scrollX,
    scrollY: view.scrollY,
  }));
  if (markForClone) for (const target of targets) target.element.setAttribute(maskAttribute, target.rule);
  const timer = view.setTimeout(() => stash.release(), stashLifetimeMs);
  const stash: MaskStash = {
    check: () => ({
      metrics: readViewportMetrics(document, view),
      targets: measuredTargets.map((measured) => checkTarget(document, view, measured)),
    }),
    paintRects: () =>
      measuredTargets.flatMap((measured) => {
        const before = measured.rects.map((rect) => ({
          rect,
          scrollX: measured.scrollX,
          scrollY: measured.scrollY,
        }));
        if (!measured.target.element.isConnected) return before;
        const now = currentRects(measured).rects.map((rect) => ({
          rect,
          scrollX: view.scrollX,
          scrollY: view.scrollY,
        }));
        return [...before, ...now];
      }),
    release: () => {
      view.clearTimeout(timer);
      for (const target of targets) target.element.removeAttribute(maskAttribute);
      // Reflect.deleteProperty: the key is a symbol, not a name to spell out.
      if ((globalThis as Record<symbol, unknown>)[maskStashKey] === stash) {
        Reflect.deleteProperty(globalThis, maskStashKey);
      }
    },
  };
  (globalThis as Record<symbol, unknown>)[maskStashKey] = stash;
  return {
    metrics: readViewportMetrics(document, view),
    targets: measuredTargets.map((measured) => ({ rule: measured.target.rule, rects: measured.rects })),
  };
}

/** The kept targets of this isolated world, if the collector left any. */
export function keptMaskTargets(): MaskStash | undefined {
  return (globalThis as Record<symbol, unknown>)[maskStashKey] as MaskStash | undefined;
}

export function releaseMaskTargets(): void {
  keptMaskTargets()?.release();
}
