/**
 * Pairs live elements with their copies in html2canvas's clone.
 *
 * html2canvas calls `ignoreElements` for each element child in document
 * order, right before cloning it, and skips only `<script>`s and
 * `data-html2canvas-ignore` before asking. So the elements it was told to
 * keep, in the order it asked, are the clone's elements in tree order, once
 * the few it adds itself are passed over (pseudo-element stand-ins and one
 * `<style>` in the body). Tag names are compared pair by pair: any surprise
 * and there is no map (callers then fall back to what needs none).
 */

/** Elements html2canvas adds to its clone that have no live counterpart. */
export function isHtml2canvasAddition(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'HTML2CANVASPSEUDOELEMENT') return true;
  return tag === 'STYLE' && (element.textContent ?? '').includes('___html2canvas___pseudoelement');
}

/** Whether `clone` can be html2canvas's copy of `live`. */
export function sameKind(live: Element, clone: Element): boolean {
  const liveTag = live.tagName.toUpperCase();
  const cloneTag = clone.tagName.toUpperCase();
  if (liveTag === cloneTag) return true;
  if (cloneTag === 'HTML2CANVASCUSTOMELEMENT') return true; // custom elements
  if (liveTag === 'CANVAS' || liveTag === 'VIDEO') return cloneTag === 'IMG' || cloneTag === 'CANVAS';
  return false;
}

/** The clone's elements below its root, in tree order, without html2canvas's additions. */
export function cloneElementsInOrder(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (parent: Element) => {
    for (const child of parent.children) {
      if (isHtml2canvasAddition(child)) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

export type CloneMap = Map<Element, Element>;

/**
 * Live element → clone element, or undefined when the two sequences do not
 * line up. `kept` is what `ignoreElements` answered false for, in call order.
 */
export function mapClone(kept: readonly Element[], cloneRoot: Element): CloneMap | undefined {
  const clones = cloneElementsInOrder(cloneRoot);
  if (clones.length !== kept.length) return undefined;
  const map: CloneMap = new Map();
  for (const [index, live] of kept.entries()) {
    const clone = clones[index];
    if (!clone || !sameKind(live, clone)) return undefined;
    map.set(live, clone);
  }
  return map;
}
