/**
 * The visible-area mode walks a long list only near the visible area
 * (lib/capture/secret-walk.ts, itemsNearViewport): found by binary search
 * on the items' boxes, and never cut when the items are not laid out top to
 * bottom in order. Boxes are given by hand: happy-dom has no layout.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { itemsNearViewport, walkPage } from '@/lib/capture/secret-walk';

const view = { innerHeight: 800 };
const rowHeight = 20;

afterEach(() => {
  document.body.replaceChildren();
});

/** A list of `count` items whose boxes are at the tops `topOf(index)` (CSS px of the viewport). */
function list(count: number, topOf: (index: number) => number): HTMLElement {
  const parent = document.createElement('ul');
  for (let index = 0; index < count; index += 1) {
    const item = document.createElement('li');
    item.textContent = `row ${index}`;
    const top = topOf(index);
    item.getBoundingClientRect = () => new DOMRect(0, top, 600, rowHeight);
    parent.append(item);
  }
  document.body.append(parent);
  return parent;
}

const indexesOf = (parent: Element, near: Set<Element> | undefined) =>
  near === undefined
    ? undefined
    : [...parent.children].flatMap((item, index) => (near.has(item) ? [index] : []));

describe('itemsNearViewport', () => {
  it.each<[string, number, (index: number) => number, [number, number] | undefined]>([
    // The band is one viewport above to one below: a row whose bottom is at -800 or lower is before it, one whose top is past 1600 after it.
    ['3000 rows from the top of the page', 3000, (index) => index * rowHeight, [0, 81]],
    ['3000 rows scrolled by 20 000 px', 3000, (index) => index * rowHeight - 20_000, [959, 1081]],
    ['100 rows all within the band', 100, (index) => index * 10, undefined],
    ['rows laid out bottom to top', 3000, (index) => (2999 - index) * rowHeight, undefined],
  ])('%s', (_name, count, topOf, expected) => {
    const parent = list(count, topOf);
    const near = indexesOf(parent, itemsNearViewport(parent, 0, view));
    expect(near === undefined ? undefined : [near[0], (near.at(-1) ?? 0) + 1]).toEqual(expected);
  });

  it('is not cut when an item has no box (display: contents)', () => {
    const parent = list(3000, (index) => index * rowHeight);
    const last = parent.lastElementChild as HTMLElement;
    last.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
    expect(itemsNearViewport(parent, 0, view)).toBeUndefined();
  });

  it('walkPage near the viewport reads only the rows near it, and every row without', () => {
    list(3000, (index) => index * rowHeight);
    const near = walkPage(document, window, {
      onlyNear: { innerHeight: 800, innerWidth: 1280 } as Window,
    });
    expect(near.roots[0]?.texts.map((text) => text.nodeValue)).toEqual(
      Array.from({ length: 81 }, (_, index) => `row ${index}`),
    );
    expect(walkPage(document, window).roots[0]?.texts).toHaveLength(3000);
  });
});
