import { beforeEach, describe, expect, it } from 'vitest';
import { cloneElementsInOrder, isHtml2canvasAddition, mapClone } from '@/lib/capture/html2canvas/clone-map';
import { mustKeepWhole, planPruning, type LayoutReader } from '@/lib/capture/html2canvas/prune';
import type { Box } from '@/lib/capture/html2canvas/region';
import { chooseProbes, compareBoxes, findMoved } from '@/lib/capture/html2canvas/verify';

/**
 * Fixture pages where each element states its box as `data-box="top bottom"`
 * (document coordinates); `data-contents` marks display:contents and
 * `data-whole` an element to clone whole.
 */
const fakeLayout: LayoutReader = {
  box(element) {
    const [top = 0, bottom = 0] = (element.getAttribute('data-box') ?? '0 0').split(' ').map(Number);
    return { left: 0, right: top === bottom ? 0 : 100, top, bottom };
  },
  isDisplayContents: (element) => element.hasAttribute('data-contents'),
  keepWhole: (element) => element.hasAttribute('data-whole'),
};

function load(html: string): void {
  document.body.innerHTML = html;
}

const ids = (elements: Iterable<Element>) => [...elements].map((element) => element.id).sort();

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('planPruning: what is left out of the clone', () => {
  it.each([
    [
      'rows entirely below the cut go, the row crossing it stays',
      `<main id="main" data-box="0 5000">
         <div id="r1" data-box="0 100"></div><div id="r2" data-box="100 200"></div>
         <div id="r3" data-box="200 300"></div><div id="r4" data-box="300 400"></div>
       </main>`,
      250,
      [],
      ['r4'],
      ['', 'main', 'r3'],
    ],
    [
      'an element starting exactly at the cut goes',
      `<div id="a" data-box="0 300"></div><div id="b" data-box="300 400"></div>`,
      300,
      [],
      ['b'],
      [''],
    ],
    [
      'nested: only the chain crossing the cut is entered',
      `<div id="above" data-box="0 100"><p id="p1" data-box="0 50"></p></div>
       <section id="s" data-box="100 900">
         <div id="s1" data-box="100 400"><p id="deep" data-box="350 399"></p></div>
         <div id="s2" data-box="400 900"></div>
       </section>
       <footer id="f" data-box="900 1000"></footer>`,
      380,
      [],
      ['f', 's2'],
      ['', 'deep', 's', 's1'],
    ],
    [
      'the anchor and its ancestors stay even when their boxes say otherwise',
      `<div id="page" data-box="0 2000">
         <div id="toast" data-box="1500 1500"><div id="msg" data-box="300 340"></div></div>
         <div id="low" data-box="1500 1600"></div>
       </div>`,
      400,
      ['msg'],
      ['low'],
      ['', 'page'],
    ],
    [
      'display:contents is looked through',
      `<div id="wrap" data-contents><div id="in1" data-box="0 100"></div><div id="in2" data-box="500 600"></div></div>`,
      200,
      [],
      ['in2'],
      ['', 'wrap'],
    ],
    [
      'an element without a box (display:none) stays and is not entered',
      `<div id="hidden"><div id="h1" data-box="500 600"></div></div><div id="x" data-box="500 600"></div>`,
      200,
      [],
      ['x'],
      [''],
    ],
    [
      'a subtree that must be cloned whole is not entered',
      `<table id="t" data-box="0 1000" data-whole><tr id="row" data-box="900 1000"></tr></table>`,
      200,
      [],
      [],
      [''],
    ],
    [
      'head, scripts and styles are never measured',
      `<script id="js"></script><style id="css"></style><div id="d" data-box="900 1000"></div>`,
      200,
      [],
      ['d'],
      [''],
    ],
  ])('%s', (_name, html, cut, anchorIds, pruned, entered) => {
    load(html);
    const anchors = anchorIds.map((id) => document.getElementById(id)!);
    const plan = planPruning(document.body, cut, fakeLayout, { anchors });
    expect(ids(plan.pruned)).toEqual(pruned);
    expect(ids(plan.straddlers)).toEqual(entered);
  });

  it('stops measuring at the limit and keeps the rest', () => {
    load(
      Array.from(
        { length: 10 },
        (_, index) => `<div id="d${index}" data-box="${500 + index} 600"></div>`,
      ).join(''),
    );
    const plan = planPruning(document.body, 100, fakeLayout, { maxMeasured: 3 });
    expect(ids(plan.pruned)).toEqual(['d0', 'd1', 'd2']);
    expect(plan.measured).toBe(3);
  });
});

describe('mustKeepWhole', () => {
  const plain = {
    display: 'block',
    flexDirection: 'row',
    gridAutoFlow: 'row',
    columnCount: 'auto',
    columnWidth: 'auto',
  };
  const element = (tagName: string, scrollTop = 0) => ({ tagName, scrollTop, scrollLeft: 0 });
  it.each([
    ['a plain block', element('DIV'), plain, false],
    ['a table body', element('TBODY'), { ...plain, display: 'table-row-group' }, false],
    ['a table row (cells size the columns)', element('TR'), { ...plain, display: 'table-row' }, true],
    ['a cell', element('TD'), { ...plain, display: 'table-cell' }, true],
    ['a div shown as a cell', element('DIV'), { ...plain, display: 'table-cell' }, true],
    ['a scrolled container', element('DIV', 40), plain, true],
    ['SVG (drawn as one picture)', element('svg'), plain, true],
    ['a select', element('SELECT'), plain, true],
    ['multi-column text', element('DIV'), { ...plain, columnCount: '3' }, true],
    ['column width', element('DIV'), { ...plain, columnWidth: '200px' }, true],
    [
      'a column-reverse flex box',
      element('DIV'),
      { ...plain, display: 'flex', flexDirection: 'column-reverse' },
      true,
    ],
    ['a column flex box', element('DIV'), { ...plain, display: 'flex', flexDirection: 'column' }, false],
    ['a dense grid', element('DIV'), { ...plain, display: 'grid', gridAutoFlow: 'row dense' }, true],
    ['a grid', element('DIV'), { ...plain, display: 'grid' }, false],
  ])('%s → %s', (_name, target, style, expected) => {
    expect(mustKeepWhole(target, style)).toBe(expected);
  });
});

describe('checking the pruned clone', () => {
  const box = (left: number, top: number, width: number, height: number): Box => ({
    left,
    top,
    right: left + width,
    bottom: top + height,
  });

  it.each([
    ['the same box', box(0, 0, 100, 20), box(0, 0, 100, 20), true, undefined],
    ['sub-pixel rounding', box(0, 0, 100, 20), box(0.6, 0.4, 100.9, 20), true, undefined],
    ['moved down', box(0, 100, 100, 20), box(0, 130, 100, 20), true, 'top 100.0→130.0'],
    ['narrower', box(10, 0, 100, 20), box(10, 0, 80, 20), true, 'width 100.0→80.0'],
    ['a straddler may be shorter', box(0, 0, 100, 5000), box(0, 0, 100, 300), false, undefined],
    ['a kept element may not', box(0, 0, 100, 50), box(0, 0, 100, 300), true, 'height 50.0→300.0'],
  ])('compareBoxes: %s', (_name, live, clone, checkHeight, expected) => {
    expect(compareBoxes(live, clone, checkHeight)).toBe(expected);
  });

  it('probes the anchor, the elements entered, and the kept children near the cut', () => {
    load(
      `<main id="main" data-box="0 5000">${Array.from(
        { length: 20 },
        (_, index) =>
          `<div id="r${index}" data-box="${index * 100} ${index * 100 + 100}"><span id="c${index}"></span></div>`,
      ).join('')}</main>`,
    );
    const plan = planPruning(document.body, 1050, fakeLayout);
    const anchor = document.getElementById('r3')!;
    const probes = chooseProbes(plan, [anchor], fakeLayout);
    const probed = probes.map((probe) => probe.element.id);
    expect(probed).toEqual(expect.arrayContaining(['r3', 'main', 'r0', 'r1', 'r5', 'r10', 'c0', 'c10']));
    expect(probed).not.toContain('r11'); // pruned
    // Elements crossing the cut lose content in the clone: their height is not compared.
    expect(probes.find((probe) => probe.element.id === 'main')?.checkHeight).toBe(false);
    expect(probes.find((probe) => probe.element.id === 'r10')?.checkHeight).toBe(false);
    expect(probes.find((probe) => probe.element.id === 'r9')?.checkHeight).toBe(true);
  });

  it('findMoved names the first element that moved, or one missing from the clone', () => {
    load('<div id="a" data-box="0 100"></div><div id="b" data-box="100 200"></div>');
    const [a, b] = [document.getElementById('a')!, document.getElementById('b')!];
    const probes = [a, b].map((element) => ({ element, box: fakeLayout.box(element), checkHeight: true }));
    const same = new Map([
      [a, a],
      [b, b],
    ]);
    expect(findMoved(probes, same, fakeLayout.box)).toBeUndefined();
    const shifted = (element: Element) => ({
      ...fakeLayout.box(element),
      top: fakeLayout.box(element).top + 10,
    });
    expect(findMoved(probes, same, shifted)).toBe(
      'div#a moved in the pruned clone (top 0.0→10.0, height 100.0→90.0)',
    );
    expect(findMoved(probes, new Map([[a, a]]), fakeLayout.box)).toBe('div#b is missing from the clone');
  });
});

describe('mapClone: live elements and their copies', () => {
  function cloneOf(html: string): Element {
    const root = document.createElement('html');
    const body = document.createElement('body');
    root.append(document.createElement('head'), body);
    body.innerHTML = html;
    return root;
  }

  it('pairs kept elements with the clone in tree order, passing over html2canvas additions', () => {
    load('<div id="a"><span id="b"></span></div><p id="c"></p>');
    const kept = [document.head, document.body, ...document.body.querySelectorAll('*')];
    const clone = cloneOf(
      '<style>.___html2canvas___pseudoelement_before:before{}</style><div><html2canvaspseudoelement><img></html2canvaspseudoelement><span></span></div><p></p>',
    );
    const map = mapClone(kept, clone);
    expect(map).toBeDefined();
    expect(map!.get(document.getElementById('b')!)?.tagName).toBe('SPAN');
    expect(map!.get(document.getElementById('c')!)?.tagName).toBe('P');
    expect(cloneElementsInOrder(clone).some(isHtml2canvasAddition)).toBe(false);
  });

  it.each([
    ['a missing element', '<div><span></span></div>'],
    ['an extra element', '<div><span></span></div><p></p><p></p>'],
    ['another tag at the same place', '<div><em></em></div><p></p>'],
  ])('gives no map for %s', (_name, cloneHtml) => {
    load('<div id="a"><span id="b"></span></div><p id="c"></p>');
    const kept = [document.head, document.body, ...document.body.querySelectorAll('*')];
    expect(mapClone(kept, cloneOf(cloneHtml))).toBeUndefined();
  });

  it('accepts html2canvas stand-ins for custom elements and canvases', () => {
    load('<my-widget id="w"></my-widget><canvas id="k"></canvas>');
    const kept = [document.head, document.body, ...document.body.querySelectorAll('*')];
    const map = mapClone(kept, cloneOf('<html2canvascustomelement></html2canvascustomelement><img>'));
    expect(map?.get(document.getElementById('k')!)?.tagName).toBe('IMG');
  });
});
