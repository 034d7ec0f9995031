/**
 * Keeping the pruned clone laid out like the live page, and checking that it
 * is: tables keep the column widths the pruned rows gave them, the clone can
 * still scroll to where the page is scrolled, and a sample of elements around
 * the cut line (and the error shown) must sit where they sit on the page.
 */
import type { CloneMap } from './clone-map';
import type { LayoutReader, PrunePlan } from './prune';
import type { Box } from './region';

export interface Probe {
  element: Element;
  box: Box;
  /** Straddlers lose content below the cut: only their top, left and width must match. */
  checkHeight: boolean;
}

/** Pixels two positions may differ by (sub-pixel rounding). */
export const positionTolerance = 1;

function keptChildren(element: Element, pruned: ReadonlySet<Element>): Element[] {
  return [...element.children].filter(
    (child) => !pruned.has(child) && !/^(SCRIPT|STYLE|LINK|META|TEMPLATE|NOSCRIPT)$/i.test(child.tagName),
  );
}

/**
 * Elements whose positions are compared: the anchors, every element the
 * pruning walk entered, the first two and last six children kept in each, and
 * up to twelve children of each of those (the cells of the last rows).
 */
export function chooseProbes(
  plan: PrunePlan,
  anchors: readonly Element[],
  layout: Pick<LayoutReader, 'box'>,
  limit = 400,
): Probe[] {
  const straddlers = new Set(plan.straddlers);
  const chosen = new Map<Element, boolean>();
  const add = (element: Element) => {
    if (chosen.size < limit && !chosen.has(element)) chosen.set(element, !straddlers.has(element));
  };
  anchors.forEach(add);
  for (const straddler of plan.straddlers) {
    add(straddler);
    const kept = keptChildren(straddler, plan.pruned);
    const sample = kept.length <= 8 ? kept : [...kept.slice(0, 2), ...kept.slice(-6)];
    for (const child of sample) {
      add(child);
      if (straddlers.has(child)) continue;
      for (const grandchild of keptChildren(child, plan.pruned).slice(0, 12)) add(grandchild);
    }
  }
  return [...chosen].map(([element, checkHeight]) => ({ element, box: layout.box(element), checkHeight }));
}

/** A description of how `clone` differs from `live`, or undefined when they match. */
export function compareBoxes(
  live: Box,
  clone: Box,
  checkHeight: boolean,
  tolerance = positionTolerance,
): string | undefined {
  const differences: string[] = [];
  const check = (name: string, a: number, b: number) => {
    if (Math.abs(a - b) > tolerance) differences.push(`${name} ${a.toFixed(1)}→${b.toFixed(1)}`);
  };
  check('left', live.left, clone.left);
  check('top', live.top, clone.top);
  check('width', live.right - live.left, clone.right - clone.left);
  if (checkHeight) check('height', live.bottom - live.top, clone.bottom - clone.top);
  return differences.length > 0 ? differences.join(', ') : undefined;
}

function describeElement(element: Element): string {
  const id = element.id ? `#${element.id}` : '';
  const classes = [...element.classList]
    .slice(0, 2)
    .map((name) => `.${name}`)
    .join('');
  return `${element.tagName.toLowerCase()}${id}${classes}`;
}

/** The first probe whose clone sits elsewhere, described; undefined when all match. */
export function findMoved(
  probes: readonly Probe[],
  map: CloneMap,
  cloneBox: (element: Element) => Box,
): string | undefined {
  for (const probe of probes) {
    const clone = map.get(probe.element);
    if (!clone) return `${describeElement(probe.element)} is missing from the clone`;
    const difference = compareBoxes(probe.box, cloneBox(clone), probe.checkHeight);
    if (difference) return `${describeElement(probe.element)} moved in the pruned clone (${difference})`;
  }
  return undefined;
}

export interface TablePin {
  table: Element;
  width: string;
  cells: Array<{ cell: Element; width: string }>;
}

function isTable(element: Element, view: Window): boolean {
  return /^(table|inline-table)$/.test(view.getComputedStyle(element).display);
}

function isPrunedWithin(element: Element, stop: Element, pruned: ReadonlySet<Element>): boolean {
  for (let node: Element | null = element; node && node !== stop; node = node.parentElement) {
    if (pruned.has(node)) return true;
  }
  return false;
}

/**
 * Tables that lost rows: their width and the used width of every kept cell.
 * An automatic table layout sizes columns from all rows, so without these
 * the remaining rows would get other column widths in the clone.
 */
export function measureTablePins(plan: PrunePlan, view: Window): TablePin[] {
  const tables = new Set<Element>();
  for (const straddler of plan.straddlers) {
    const table = isTable(straddler, view) ? straddler : straddler.closest('table');
    if (table && plan.straddlers.includes(table)) tables.add(table);
  }
  return [...tables].map((table) => {
    const cells: TablePin['cells'] = [];
    for (const row of table.querySelectorAll('tr')) {
      if (row.closest('table') !== table) continue;
      if (isPrunedWithin(row, table, plan.pruned)) continue;
      for (const cell of row.children) cells.push({ cell, width: view.getComputedStyle(cell).width });
    }
    return { table, width: view.getComputedStyle(table).width, cells };
  });
}

/** Fixes the clone's tables to the live column widths. */
export function pinTables(pins: readonly TablePin[], map: CloneMap): void {
  for (const pin of pins) {
    const table = map.get(pin.table) as ElementCSSInlineStyle | undefined;
    if (!table?.style) continue;
    table.style.setProperty('table-layout', 'fixed', 'important');
    table.style.setProperty('width', pin.width, 'important');
    for (const { cell, width } of pin.cells) {
      const clone = map.get(cell) as ElementCSSInlineStyle | undefined;
      clone?.style?.setProperty('width', width, 'important');
    }
  }
}

/**
 * html2canvas scrolls the clone to the page's scroll position; a pruned
 * clone may be too short to get there (the browser would stop early and
 * everything would be drawn shifted). An invisible 1 px box at the page's
 * far corner gives the clone the page's scrollable size, then it is scrolled
 * again.
 */
export function keepScrollPosition(
  document: Document,
  pageWidth: number,
  pageHeight: number,
  scrollX: number,
  scrollY: number,
): boolean {
  const view = document.defaultView;
  if (!view) return false;
  if (scrollX !== 0 || scrollY !== 0) {
    const spacer = document.createElement('div');
    spacer.setAttribute('aria-hidden', 'true');
    for (const [property, value] of Object.entries({
      position: 'absolute',
      left: `${Math.max(0, pageWidth - 1)}px`,
      top: `${Math.max(0, pageHeight - 1)}px`,
      width: '1px',
      height: '1px',
      visibility: 'hidden',
      margin: '0',
      padding: '0',
      border: '0',
    })) {
      spacer.style.setProperty(property, value, 'important');
    }
    document.documentElement.append(spacer);
    view.scrollTo(scrollX, scrollY);
  }
  return Math.abs(view.scrollX - scrollX) <= 1 && Math.abs(view.scrollY - scrollY) <= 1;
}

/** Document-coordinate box reader for the clone. */
export function cloneBoxReader(document: Document): (element: Element) => Box {
  const view = document.defaultView;
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  return (element) => {
    const rect = element.getBoundingClientRect();
    return {
      left: rect.left + scrollX,
      top: rect.top + scrollY,
      right: rect.right + scrollX,
      bottom: rect.bottom + scrollY,
    };
  };
}
